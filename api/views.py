"""The open-data API: read-only datasets, each one of the public pages as structured data.

Each endpoint starts from the same "what the public may see" query as its pages
(``Article.objects.published()``, ``LegalDocument.objects.public()``,
``Nomination.objects.honoured()``), so nothing a page hides is ever sent: no draft,
scheduled, private or non-public item. Responses carry ``Access-Control-Allow-Origin: *``
(GET only: the API accepts no other method), an ``ETag`` and, where the data has a
modification time, ``Last-Modified``; a matching conditional request gets a 304.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.dateparse import parse_date
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_safe
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from agency.models import Official, OrgUnit
from api import serializers
from awards.models import CandidateKind, Nomination
from core.readers import local_today
from documents.models import LegalDocument
from news.models import Article
from visitors.selectors import daily_totals

MAX_STATISTICS_DAYS = 366


def _date_param(request, name):
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return None
    try:
        value = parse_date(raw)
    except ValueError:
        value = None
    if value is None:
        raise ValidationError({name: f"Ngày không hợp lệ: “{raw[:40]}”; hãy dùng dạng YYYY-MM-DD."})
    return value


def _choice_param(request, name, choices, label):
    raw = request.query_params.get(name, "").strip()
    if raw and raw not in choices:
        raise ValidationError(
            {name: f"{label} không hợp lệ; chỉ nhận: " + ", ".join(sorted(choices)) + "."}
        )
    return raw


def _year_param(request, name="year"):
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return None
    if not (raw.isdigit() and len(raw) == 4):
        raise ValidationError({name: "Năm không hợp lệ; hãy dùng 4 chữ số, ví dụ 2024."})
    return int(raw)


class OpenDataMixin:
    """CORS open for GET, ETag / Last-Modified, conditional GET."""

    def last_modified(self):
        """The newest modification time of the dataset, or None when it has none."""
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        response["ETag"] = etag
        modified = self.last_modified()
        if modified is not None:
            response["Last-Modified"] = http_date(modified.timestamp())
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        conditional = get_conditional_response(
            request,
            etag=etag,
            last_modified=modified.timestamp() if modified else None,
            response=response,
        )
        if conditional is not response:
            conditional["Access-Control-Allow-Origin"] = "*"
        return conditional


def _filter_given(qs, **lookups):
    """``qs`` filtered by each of ``lookups`` whose value the request gave (not empty)."""
    return qs.filter(**{lookup: value for lookup, value in lookups.items() if value})


class OpenDataViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only dataset: a list and a page per item."""


DATE_RANGE = [
    OpenApiParameter("from", str, description="Từ ngày (YYYY-MM-DD)"),
    OpenApiParameter("to", str, description="Đến ngày (YYYY-MM-DD)"),
]


@extend_schema_view(
    list=extend_schema(
        parameters=[*DATE_RANGE, OpenApiParameter("category", str, description="Chuyên mục")]
    )
)
class ArticleViewSet(OpenDataViewSet):
    """Published articles (never a draft or a scheduled one), newest first."""

    serializer_class = serializers.ArticleSerializer

    def base_queryset(self):
        return Article.objects.published().select_related("category")

    def get_queryset(self):
        qs = self.base_queryset().newest_first()
        if self.action != "list":
            return qs
        return _filter_given(
            qs,
            published_at__date__gte=_date_param(self.request, "from"),
            published_at__date__lte=_date_param(self.request, "to"),
            category__slug=self.request.query_params.get("category", "").strip(),
        )

    def last_modified(self):
        return self.base_queryset().aggregate(m=Max("updated_at"))["m"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            *DATE_RANGE,
            OpenApiParameter("kind", str, enum=LegalDocument.Kind.values),
            OpenApiParameter("status", str, enum=LegalDocument.Status.values),
            OpenApiParameter("field", str, description="Lĩnh vực"),
            OpenApiParameter("year", int, description="Năm ban hành"),
        ]
    )
)
class DocumentViewSet(OpenDataViewSet):
    """Public legal documents with their status, replacement and national-database link."""

    serializer_class = serializers.LegalDocumentSerializer

    def get_queryset(self):
        qs = LegalDocument.objects.public().select_related("replaced_by")
        if self.action != "list":
            return qs
        params = self.request.query_params
        kind = _choice_param(self.request, "kind", LegalDocument.Kind.values, "Loại văn bản")
        status = _choice_param(
            self.request, "status", LegalDocument.Status.values, "Tình trạng hiệu lực"
        )
        year = _year_param(self.request)
        start, end = _date_param(self.request, "from"), _date_param(self.request, "to")
        return _filter_given(
            qs,
            kind=kind,
            status=status,
            field=params.get("field", "").strip(),
            issued_on__year=year,
            issued_on__gte=start,
            issued_on__lte=end,
        )


class UnitViewSet(OpenDataViewSet):
    """The department and its units: functions and tasks, address, phone, email."""

    serializer_class = serializers.OrgUnitSerializer
    queryset = OrgUnit.objects.order_by("order", "id")


@extend_schema_view(
    list=extend_schema(parameters=[OpenApiParameter("unit", int, description="Mã đơn vị")])
)
class OfficialViewSet(OpenDataViewSet):
    """Officials as the unit pages show them (public fields only)."""

    serializer_class = serializers.OfficialSerializer

    def get_queryset(self):
        qs = Official.objects.select_related("unit").order_by("unit__order", "order", "id")
        unit = self.request.query_params.get("unit", "").strip()
        if self.action == "list" and unit:
            if not unit.isdigit():
                raise ValidationError({"unit": "Mã đơn vị không hợp lệ."})
            qs = qs.filter(unit_id=int(unit))
        return qs


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("year", int, description="Năm khen thưởng"),
            OpenApiParameter("kind", str, enum=CandidateKind.values),
            OpenApiParameter("period", str, description="Giai đoạn (đường dẫn)"),
        ]
    )
)
class HonourViewSet(OpenDataViewSet):
    """Honoured awards of public periods, as the public honour board shows them."""

    serializer_class = serializers.HonourSerializer

    def get_queryset(self):
        qs = (
            Nomination.objects.honoured()
            .select_related("period", "award_form", "unit", "collective", "individual", "decision")
            .order_by("-year", "award_form__order", "unit__order", "pk")
        )
        if self.action != "list":
            return qs
        year = _year_param(self.request)
        kind = _choice_param(self.request, "kind", CandidateKind.values, "Loại đối tượng")
        period = self.request.query_params.get("period", "").strip()
        return _filter_given(qs, year=year, candidate_kind=kind, period__slug=period)


@extend_schema_view(
    list=extend_schema(
        parameters=DATE_RANGE,
        description="Lượt truy cập và lượt xem trang mỗi ngày (mặc định 30 ngày gần nhất, "
        f"tối đa {MAX_STATISTICS_DAYS} ngày).",
    )
)
class StatisticViewSet(OpenDataMixin, viewsets.GenericViewSet):
    """Daily visits and page views (sums only: nothing about any visitor)."""

    serializer_class = serializers.DailyStatisticSerializer
    pagination_class = None

    def list(self, request, *args, **kwargs):
        today = local_today()
        end = _date_param(request, "to") or today
        start = _date_param(request, "from") or end - timedelta(days=29)
        if start > end:
            raise ValidationError({"from": "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."})
        if (end - start).days + 1 > MAX_STATISTICS_DAYS:
            raise ValidationError({"from": f"Mỗi lần chỉ lấy tối đa {MAX_STATISTICS_DAYS} ngày."})
        rows = daily_totals(start=start, end=min(end, today)) if start <= today else []
        data = self.get_serializer(rows, many=True).data
        return Response(data)


class SchemaView(OpenDataMixin, SpectacularAPIView):
    """The OpenAPI 3 schema, built once per process.

    It changes only with a deploy; building it costs a fifth of a second, which no query
    string (``?lang=``, ``?version=``, anything) may make every request pay again.
    """

    _schema = None

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        if SchemaView._schema is None:
            generator = self.generator_class(urlconf=self.urlconf, patterns=self.patterns)
            SchemaView._schema = generator.get_schema(request=None, public=self.serve_public)
        return Response(SchemaView._schema)


DATASETS = [
    {
        "name": "Tin bài",
        "endpoint": "/api/v1/articles/",
        "description": "Tin bài đã đăng: tiêu đề, chuyên mục, tóm tắt, thời điểm đăng, địa chỉ.",
        "frequency": "Hằng ngày",
    },
    {
        "name": "Văn bản",
        "endpoint": "/api/v1/documents/",
        "description": "Văn bản công khai: số, loại, cơ quan ban hành, ngày, tình trạng hiệu lực, "
        "lĩnh vực, văn bản thay thế, liên kết Cơ sở dữ liệu quốc gia về văn bản pháp luật.",
        "frequency": "Khi có văn bản mới",
    },
    {
        "name": "Cơ cấu tổ chức",
        "endpoint": "/api/v1/units/",
        "description": "Sở và các đơn vị: chức năng, nhiệm vụ, địa chỉ, điện thoại, thư điện tử.",
        "frequency": "Khi có thay đổi",
    },
    {
        "name": "Cán bộ",
        "endpoint": "/api/v1/officials/",
        "description": "Họ tên, chức vụ, đơn vị, điện thoại, thư điện tử công vụ (như trang "
        "từng đơn vị).",
        "frequency": "Khi có thay đổi",
    },
    {
        "name": "Điển hình tiên tiến được khen thưởng",
        "endpoint": "/api/v1/honours/",
        "description": "Tên, đơn vị, hình thức, năm, quyết định khen thưởng (như bảng vinh danh).",
        "frequency": "Khi có quyết định khen thưởng",
    },
    {
        "name": "Thống kê truy cập",
        "endpoint": "/api/v1/statistics/",
        "description": "Lượt truy cập và lượt xem trang mỗi ngày.",
        "frequency": "Hằng ngày",
    },
]


class DocsView(SpectacularSwaggerSplitView):
    """/api/docs/: Swagger UI over the schema, every file from this site.

    The split view serves its start-up script as a file of its own (``?script``), so the
    page needs no inline script; our template also moves drf-spectacular's inline style
    into a static file. Swagger UI's own files come from drf-spectacular-sidecar.
    """

    template_name = "api/swagger_ui.html"
    url_name = "api:schema"
    title = settings.SPECTACULAR_SETTINGS["TITLE"]


@require_safe
def catalogue(request):
    """/api/: the datasets with their licence and update frequency (an open-data catalogue)."""
    return render(
        request,
        "api/catalogue.html",
        {
            "datasets": DATASETS,
            "licence": settings.API_LICENCE,
            "licence_url": settings.API_LICENCE_URL,
        },
    )
