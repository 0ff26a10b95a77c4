"""Admin of the registry, used by the "Thư ký Hội đồng" group.

Every workflow step is an admin action that calls ``awards.services``; a refused step is
shown as the service's Vietnamese message, never as an error page. Every model keeps its
audit history (django-simple-history's "Lịch sử" button).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from awards import exports, services
from awards.models import (
    Attachment,
    AwardForm,
    Collective,
    CouncilConclusion,
    CouncilMeeting,
    Decision,
    EmulationBlock,
    Individual,
    Nomination,
    Period,
    Proposal,
    Stage,
    Unit,
)
from awards.services import WorkflowError
from portal.concurrency import OptimisticLockAdminMixin

# --- Intermediate forms for the steps that need more than a click ------------------------


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do không được chọn"), widget=forms.Textarea, max_length=2000
    )


class DecisionForm(forms.Form):
    number = forms.CharField(
        label=_("Số quyết định"), max_length=60, help_text="Ví dụ: 45/QĐ-SKHCN"
    )
    date = forms.DateField(label=_("Ngày ký"), widget=DateInput())
    signer = forms.CharField(label=_("Người ký"), max_length=120)
    signer_position = forms.CharField(
        label=_("Chức vụ người ký"), max_length=120, initial="Giám đốc"
    )


class ProposalForm(forms.Form):
    number = forms.CharField(label=_("Số tờ trình"), max_length=60, help_text="Ví dụ: 12/TTr-SKHCN")
    date = forms.DateField(label=_("Ngày trình"), widget=DateInput())
    recipient = forms.CharField(
        label=_("Kính gửi"), max_length=200, initial="Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"
    )


def _form_action(modeladmin, request, queryset, *, form_class, title, handler):
    """Show ``form_class`` for the selected rows; on a valid submit call ``handler``."""
    form = form_class(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid():
        try:
            message = handler(form.cleaned_data)
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            modeladmin.message_user(request, message, messages.SUCCESS)
            return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "form": form,
        "queryset": queryset,
        "opts": modeladmin.model._meta,
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "awards/admin/action_form.html", context)


# --- Nominations ---------------------------------------------------------------------------


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "file", "uploaded_at"]
    readonly_fields = ["uploaded_at"]


class ConclusionReadOnlyInline(admin.TabularInline):
    model = CouncilConclusion
    extra = 0
    fields = ["meeting", "votes_for", "votes_against", "proposed", "note"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("kết luận của Hội đồng")

    def has_add_permission(self, request, obj=None):
        return False


WORKFLOW_FIELDS = [
    "stage",
    "unit",
    "registered_at",
    "registered_by",
    "introduced_block",
    "introduced_at",
    "introduced_by",
    "meeting",
    "reviewed_at",
    "reviewed_by",
    "proposal",
    "decision",
    "honoured_at",
    "honoured_by",
    "rejected_from",
    "rejection_reason",
    "rejected_at",
    "rejected_by",
]


@admin.register(Nomination)
class NominationAdmin(OptimisticLockAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "candidate_name",
        "candidate_kind",
        "unit",
        "award_form",
        "period",
        "year",
        "stage",
        "decision",
    ]
    list_filter = [
        "period",
        ("unit__block", admin.RelatedOnlyFieldListFilter),
        ("unit", admin.RelatedOnlyFieldListFilter),
        "stage",
        "candidate_kind",
        "award_form",
    ]
    search_fields = [
        "collective__name",
        "individual__full_name",
        "decision__number",
        "proposal__number",
    ]
    date_hierarchy = "registered_at"
    list_select_related = ["collective", "individual", "unit", "award_form", "period", "decision"]
    autocomplete_fields = ["collective", "individual"]
    inlines = [AttachmentInline, ConclusionReadOnlyInline]
    actions = [
        "introduce",
        "reject",
        "issue_decision",
        "submit_proposal",
        "export_xlsx",
        "export_csv",
    ]
    fieldsets = [
        (
            _("Hồ sơ đề nghị"),
            {
                "fields": [
                    "period",
                    "year",
                    "award_form",
                    "collective",
                    "individual",
                    "achievements",
                ]
            },
        ),
        (_("Tiến trình"), {"fields": WORKFLOW_FIELDS}),
    ]

    @admin.display(description=_("Tập thể / cá nhân"), ordering="collective__name")
    def candidate_name(self, obj):
        return obj.candidate

    def get_readonly_fields(self, request, obj=None):
        fields = list(WORKFLOW_FIELDS)
        if obj is not None:
            fields += ["period", "award_form", "collective", "individual"]
            if obj.stage != Stage.REGISTERED:
                fields += ["year", "achievements"]
        return fields

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        created = services.nomination_register(
            period=obj.period,
            award_form=obj.award_form,
            collective=obj.collective,
            individual=obj.individual,
            year=obj.year,
            achievements=obj.achievements,
            by=request.user,
        )
        for field in Nomination._meta.concrete_fields:
            setattr(obj, field.attname, getattr(created, field.attname))
        obj._state.adding = False

    def has_delete_permission(self, request, obj=None):
        # A nomination is rejected with a reason, never deleted: the record must stay.
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def has_issue_permission(self, request):
        return request.user.has_perm("awards.add_decision")

    def has_propose_permission(self, request):
        return request.user.has_perm("awards.add_proposal")

    @admin.action(description=_("Ghi nhận khối thi đua giới thiệu"), permissions=["change"])
    def introduce(self, request, queryset):
        try:
            with transaction.atomic():
                for nomination in queryset.select_related("unit__block"):
                    services.nomination_introduce(
                        nomination=nomination, block=nomination.unit.block, by=request.user
                    )
        except WorkflowError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(
            request, f"Đã ghi nhận giới thiệu {queryset.count()} hồ sơ.", messages.SUCCESS
        )

    @admin.action(description=_("Loại hồ sơ (không được chọn)"), permissions=["change"])
    def reject(self, request, queryset):
        def handler(data):
            with transaction.atomic():
                for nomination in queryset:
                    services.nomination_reject(
                        nomination=nomination, reason=data["reason"], by=request.user
                    )
            return f"Đã loại {queryset.count()} hồ sơ."

        return _form_action(
            self,
            request,
            queryset,
            form_class=RejectForm,
            title=_("Loại hồ sơ đề nghị"),
            handler=handler,
        )

    @admin.action(description=_("Ra quyết định khen thưởng (Giám đốc Sở)"), permissions=["issue"])
    def issue_decision(self, request, queryset):
        def handler(data):
            decision = services.decision_issue(
                number=data["number"],
                date=data["date"],
                signer=data["signer"],
                signer_position=data["signer_position"],
                nominations=list(queryset),
                by=request.user,
            )
            return f"Đã ghi nhận {decision} khen thưởng {decision.nominations.count()} hồ sơ."

        return _form_action(
            self,
            request,
            queryset,
            form_class=DecisionForm,
            title=_("Quyết định khen thưởng"),
            handler=handler,
        )

    @admin.action(
        description=_("Lập tờ trình đề nghị cấp trên khen thưởng"), permissions=["propose"]
    )
    def submit_proposal(self, request, queryset):
        def handler(data):
            proposal = services.proposal_submit(
                number=data["number"],
                date=data["date"],
                recipient=data["recipient"],
                nominations=list(queryset),
                by=request.user,
            )
            return f"Đã ghi nhận {proposal}."

        return _form_action(
            self,
            request,
            queryset,
            form_class=ProposalForm,
            title=_("Tờ trình đề nghị khen thưởng"),
            handler=handler,
        )

    @admin.action(description=_("Xuất Excel các hồ sơ đã chọn"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return exports.nominations_export(queryset, "xlsx")

    @admin.action(description=_("Xuất CSV các hồ sơ đã chọn"), permissions=["view"])
    def export_csv(self, request, queryset):
        return exports.nominations_export(queryset, "csv")


# --- Council meetings ----------------------------------------------------------------------


class ConclusionInline(admin.TabularInline):
    model = CouncilConclusion
    extra = 1
    fields = ["nomination", "votes_for", "votes_against", "proposed", "note"]
    autocomplete_fields = ["nomination"]

    def _recorded(self, obj):
        return obj is not None and obj.recorded_at is not None

    def get_readonly_fields(self, request, obj=None):
        return self.fields if self._recorded(obj) else []

    def has_add_permission(self, request, obj=None):
        return not self._recorded(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._recorded(obj) and super().has_delete_permission(request, obj)


@admin.register(CouncilMeeting)
class CouncilMeetingAdmin(OptimisticLockAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "held_on",
        "title",
        "period",
        "members_present",
        "members_total",
        "secret_ballot",
        "recorded_at",
    ]
    list_filter = ["period", "secret_ballot", ("recorded_at", admin.EmptyFieldListFilter)]
    search_fields = ["title"]
    date_hierarchy = "held_on"
    inlines = [ConclusionInline]
    actions = ["record"]
    readonly_fields = ["recorded_at", "recorded_by"]
    fields = [
        "period",
        "held_on",
        "title",
        "members_total",
        "members_present",
        "secret_ballot",
        "minutes",
        "recorded_at",
        "recorded_by",
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.recorded_at:
            return [f for f in self.fields if f != "minutes"]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.recorded_at:
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Ghi nhận kết quả họp (chuyển hồ sơ sang bước bình xét)"))
    def record(self, request, queryset):
        done = 0
        for meeting in queryset:
            try:
                services.council_meeting_record(meeting=meeting, by=request.user)
            except WorkflowError as exc:
                self.message_user(request, f"{meeting}: {exc}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, f"Đã ghi nhận {done} cuộc họp.", messages.SUCCESS)

    record.allowed_permissions = ["change"]


# --- Decisions and proposals ---------------------------------------------------------------


class HonouredListMixin:
    @admin.display(description=_("Tập thể, cá nhân"))
    def honoured_list(self, obj):
        rows = obj.nominations.select_related("collective", "individual", "award_form")
        return format_html_join(
            "\n",
            "<div>{} ({}) — {} — {}</div>",
            (
                (n.candidate, n.get_candidate_kind_display(), n.award_form, n.get_stage_display())
                for n in rows
            ),
        )

    @admin.display(description=_("Hình thức khen thưởng"))
    def forms(self, obj):
        names = sorted({n.award_form.name for n in obj.nominations.select_related("award_form")})
        return "; ".join(names)

    @admin.display(description=_("Số hồ sơ"))
    def nomination_count(self, obj):
        return obj.n_nominations

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_nominations=Count("nominations"))


@admin.register(Decision)
class DecisionAdmin(HonouredListMixin, SimpleHistoryAdmin):
    list_display = [
        "number",
        "signed_on",
        "issuing_body",
        "forms",
        "nomination_count",
        "revoked_at",
    ]
    list_filter = [
        "issuing_level",
        ("nominations__award_form", admin.RelatedOnlyFieldListFilter),
        ("nominations__period", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["number", "signer"]
    date_hierarchy = "signed_on"
    fields = [
        "number",
        "signed_on",
        "issuing_level",
        "issuing_body",
        "signer",
        "signer_position",
        "proposal",
        "document",
        "honoured_list",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "revocation_document",
    ]
    readonly_fields = [f for f in fields if f != "document"]
    actions = ["export_xlsx", "export_csv"]

    def has_add_permission(self, request):
        # Decisions are issued from the nominations list (all-or-nothing service).
        return False

    @admin.action(description=_("Xuất Excel các quyết định đã chọn"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return exports.decisions_export(queryset, "xlsx")

    @admin.action(description=_("Xuất CSV các quyết định đã chọn"), permissions=["view"])
    def export_csv(self, request, queryset):
        return exports.decisions_export(queryset, "csv")


@admin.register(Proposal)
class ProposalAdmin(HonouredListMixin, SimpleHistoryAdmin):
    list_display = ["number", "submitted_on", "recipient", "forms", "nomination_count"]
    list_filter = [("nominations__award_form", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["number"]
    date_hierarchy = "submitted_on"
    fields = [
        "number",
        "submitted_on",
        "recipient",
        "honoured_list",
        "submitted_at",
        "submitted_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


# --- Reference data ------------------------------------------------------------------------


@admin.register(Period)
class PeriodAdmin(SimpleHistoryAdmin):
    list_display = ["name", "start_year", "end_year", "is_public", "nomination_count"]
    list_filter = ["is_public"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["legal_documents"]

    @admin.display(description=_("Số hồ sơ"))
    def nomination_count(self, obj):
        return obj.n_nominations

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_nominations=Count("nominations"))


@admin.register(EmulationBlock)
class EmulationBlockAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order", "unit_count"]
    search_fields = ["name"]

    @admin.display(description=_("Số đơn vị"))
    def unit_count(self, obj):
        return obj.units.count()


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "block", "order"]
    list_filter = ["block", "kind"]
    search_fields = ["name"]


@admin.register(Collective)
class CollectiveAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "honoured_count"]
    list_filter = [("unit__block", admin.RelatedOnlyFieldListFilter), "unit"]
    search_fields = ["name", "unit__name"]

    @admin.display(description=_("Số lần được khen thưởng"))
    def honoured_count(self, obj):
        return obj.n_honoured

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(n_honoured=Count("nominations", filter=Q(nominations__stage=Stage.HONOURED)))
        )


@admin.register(Individual)
class IndividualAdmin(CollectiveAdmin):
    list_display = ["full_name", "position", "unit", "honoured_count"]
    search_fields = ["full_name", "position", "unit__name"]


@admin.register(AwardForm)
class AwardFormAdmin(SimpleHistoryAdmin):
    list_display = ["name", "category", "recipient", "deciding_level", "secret_ballot", "order"]
    list_filter = ["category", "recipient", "deciding_level"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(CouncilConclusion)
class CouncilConclusionAdmin(SimpleHistoryAdmin):
    list_display = ["nomination", "meeting", "votes_for", "votes_against", "proposed"]
    list_filter = ["proposed", "meeting__period"]
    search_fields = ["nomination__collective__name", "nomination__individual__full_name"]
    autocomplete_fields = ["nomination"]

    def has_module_permission(self, request):
        # Edited inside their meeting; listed only for the audit history.
        return request.user.is_superuser
