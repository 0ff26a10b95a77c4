"""What each dataset publishes: only the fields the public pages already show."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agency.models import Official, OrgUnit
from awards.models import Nomination
from documents.models import LegalDocument
from news.models import Article


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteUrlField(serializers.Field):
    """The object's public page, as an absolute URL."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        url = value.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class ArticleSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField()
    category = serializers.CharField(source="category.name", default=None, read_only=True)
    category_slug = serializers.CharField(source="category.slug", default=None, read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "category",
            "category_slug",
            "summary",
            "byline",
            "source",
            "published_at",
            "updated_at",
        ]


class LegalDocumentSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField()
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    file_url = serializers.SerializerMethodField()
    replaced_by = serializers.SerializerMethodField()

    class Meta:
        model = LegalDocument
        fields = [
            "id",
            "number",
            "kind",
            "kind_label",
            "issuing_body",
            "issued_on",
            "effective_on",
            "status",
            "status_label",
            "expired_on",
            "replaced_by",
            "field",
            "title",
            "signer",
            "url",
            "file_url",
            "national_database_url",
        ]

    def get_file_url(self, document) -> str | None:
        if not document.file:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(document.file.url) if request else document.file.url

    def get_replaced_by(self, document) -> int | None:
        replacement = document.replaced_by
        return replacement.pk if replacement and replacement.is_public else None


class OrgUnitSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField()

    class Meta:
        model = OrgUnit
        fields = [
            "id",
            "name",
            "name_en",
            "slug",
            "parent",
            "functions",
            "functions_en",
            "address",
            "phone",
            "email",
            "order",
            "url",
            "is_demo",
        ]


class OfficialSerializer(serializers.ModelSerializer):
    """The five fields of Điều 4 k1 e the portal shows on each unit's page; no photo."""

    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = Official
        fields = [
            "id",
            "full_name",
            "position",
            "position_en",
            "unit",
            "unit_name",
            "phone",
            "email",
            "is_leader",
            "is_contact_point",
            "is_demo",
        ]


class HonourSerializer(serializers.ModelSerializer):
    """One row of the public honour board: name, unit, form, year, decision. Nothing else."""

    name = serializers.SerializerMethodField()
    kind = serializers.CharField(source="candidate_kind", read_only=True)
    unit = serializers.CharField(source="unit.name", read_only=True)
    award_form = serializers.CharField(source="award_form.name", read_only=True)
    period = serializers.CharField(source="period.name", read_only=True)
    decision_number = serializers.CharField(source="decision.number", read_only=True)
    decision_signed_on = serializers.DateField(source="decision.signed_on", read_only=True)
    decision_issuing_body = serializers.CharField(source="decision.issuing_body", read_only=True)

    class Meta:
        model = Nomination
        fields = [
            "id",
            "name",
            "kind",
            "unit",
            "award_form",
            "year",
            "period",
            "decision_number",
            "decision_signed_on",
            "decision_issuing_body",
        ]

    def get_name(self, nomination) -> str:
        return str(nomination.candidate)


class DailyStatisticSerializer(serializers.Serializer):
    day = serializers.DateField()
    visits = serializers.IntegerField()
    pageviews = serializers.IntegerField()
