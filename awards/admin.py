"""Admin of the registry, used by the "Thư ký Hội đồng" group.

Every workflow step is an admin action that calls ``awards.services``; a refused step is
shown as the service's Vietnamese message, never as an error page. Every model keeps its
audit history (django-simple-history's "Lịch sử" button), but the workflow records
(nominations, meetings, conclusions, decisions, tờ trình, registrations) can never be
reverted from it: a revert would save an old row directly, bypassing the services (an
honoured nomination silently back at "registered" while its signed decision still names
it). Each history entry names the step that made it.

The index shows the "Quy trình" panel (``awards_tags.workflow_panel``) and lists this app's
models in the order of the workflow.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange, ModelDelta

from awards import exports, rules, services
from awards.models import (
    Attachment,
    AwardForm,
    Collective,
    CouncilConclusion,
    CouncilMeeting,
    Decision,
    DisciplineRecord,
    EmulationBlock,
    EmulationRegistration,
    Individual,
    Nomination,
    Period,
    Proposal,
    RevocationReason,
    Stage,
    Unit,
)
from awards.services import WorkflowError
from awards.services.council import check_vote_counts
from core.concurrency import OptimisticLockAdminMixin
from core.text import fold

# --- The admin index: the workflow's order ------------------------------------------------

WORKFLOW_ORDER = [
    "EmulationRegistration",
    "Nomination",
    "CouncilMeeting",
    "Decision",
    "Proposal",
    "Period",
    "EmulationBlock",
    "Unit",
    "Collective",
    "Individual",
    "DisciplineRecord",
    "AwardForm",
    "CouncilConclusion",
]

_site_get_app_list = admin.site.get_app_list


def _get_app_list(request, app_label=None):
    """The site's app list with this app's models in the order a secretary works in."""
    app_list = _site_get_app_list(request, app_label)
    for app in app_list:
        if app["app_label"] == "awards":
            app["models"].sort(
                key=lambda m: (
                    WORKFLOW_ORDER.index(m["object_name"])
                    if m["object_name"] in WORKFLOW_ORDER
                    else len(WORKFLOW_ORDER)
                )
            )
    return app_list


admin.site.get_app_list = _get_app_list
admin.site.index_template = "awards/admin/index.html"


class PickerAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete, showing a model's ``picker_label`` when it has one, so
    eight people called Hùng read "Nông Văn Hùng — Chuyên viên, Phòng Quản lý khoa học"."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(obj, "picker_label", None)
        if label:
            result["text"] = str(label)
        return result


def _autocomplete_view(request):
    return PickerAutocompleteJsonView.as_view(admin_site=admin.site)(request)


admin.site.autocomplete_view = _autocomplete_view


# --- History without revert for the workflow records --------------------------------------


def _shown(record, field):
    """A historical value as people read it: a choice's label, a related row's name."""
    value = getattr(record, field.attname)
    if value is None:
        return "—"
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.is_relation:
        try:
            return getattr(record, field.name)
        except ObjectDoesNotExist:
            return value
    return value


def _changes(old, new):
    """Every tracked field that differs between two historical records, editable or not."""
    changes = []
    for field in new.tracked_fields:
        if getattr(old, field.attname) != getattr(new, field.attname):
            changes.append(ModelChange(field.name, _shown(old, field), _shown(new, field)))
    return sorted(changes, key=lambda change: change.field)


class WorkflowHistoryMixin:
    """History that can be read, never reverted: workflow records change through services."""

    revert_refused_message = _(
        "Không thể khôi phục phiên bản cũ của bản ghi quy trình: mỗi bước chỉ được thay đổi "
        "qua các thao tác của quy trình (loại hồ sơ, hủy khen thưởng…), để quyết định đã ký "
        "và trang công khai luôn khớp với hồ sơ."
    )

    def revert_disabled(self, request, obj=None):
        return True

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """The "Changes" column, including the fields only services write (the stage, the
        decision…): django-simple-history diffs editable fields only, which left the column
        empty for every workflow step."""
        previous = None
        for current in historical_records:
            if previous is not None:
                changes = _changes(current, previous)
                delta = ModelDelta(changes, [c.field for c in changes], current, previous)
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current

    def has_change_history_permission(self, request, obj=None):
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            self.message_user(request, self.revert_refused_message, messages.ERROR)
            opts = self.model._meta
            return redirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id])
            )
        return super().history_form_view(request, object_id, version_id, extra_context)


class FoldedSearchMixin:
    """Search without diacritics: "hung" finds "Hùng", "Hưng" and "HÙNG".

    Each word must be in one of ``folded_search_fields`` (folded ``search_text`` columns);
    the whole term may instead match one of ``number_search_fields`` (decision numbers…).
    """

    folded_search_fields = ["search_text"]
    number_search_fields = []

    def get_search_results(self, request, queryset, search_term):
        term = " ".join(search_term.split())
        if not term:
            return queryset, False
        by_words = Q()
        for word in fold(term).split():
            any_field = Q()
            for field in self.folded_search_fields:
                any_field |= Q(**{f"{field}__contains": word})
            by_words &= any_field
        by_number = Q()
        for field in self.number_search_fields:
            by_number |= Q(**{f"{field}__icontains": term})
        return queryset.filter(by_words | by_number).distinct(), False


CANDIDATE_SEARCH = ["collective__search_text", "individual__search_text"]


# --- Intermediate forms for the steps that need more than a click ------------------------


def _date_field(label):
    return forms.DateField(label=label, widget=AdminDateWidget(), help_text="dd/mm/yyyy")


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do không được chọn"), widget=forms.Textarea, max_length=2000
    )


class DecisionForm(forms.Form):
    number = forms.CharField(
        label=_("Số quyết định"), max_length=60, help_text="Ví dụ: 45/QĐ-SKHCN"
    )
    date = _date_field(_("Ngày ký"))
    signer = forms.CharField(label=_("Người ký"), max_length=120)
    signer_position = forms.CharField(
        label=_("Chức vụ người ký"), max_length=120, initial="Giám đốc"
    )


class ProposalForm(forms.Form):
    number = forms.CharField(label=_("Số tờ trình"), max_length=60, help_text="Ví dụ: 12/TTr-SKHCN")
    date = _date_field(_("Ngày trình"))
    recipient = forms.CharField(
        label=_("Kính gửi"), max_length=200, initial="Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"
    )


class ExternalDecisionForm(forms.Form):
    number = forms.CharField(
        label=_("Số quyết định"), max_length=60, help_text="Ví dụ: 2150/QĐ-UBND"
    )
    date = _date_field(_("Ngày ký"))
    issuing_body = forms.CharField(
        label=_("Người, cơ quan quyết định"),
        max_length=200,
        initial="Chủ tịch UBND tỉnh Cao Bằng",
    )
    signer = forms.CharField(label=_("Người ký"), max_length=120)
    signer_position = forms.CharField(
        label=_("Chức vụ người ký"), max_length=120, initial="Chủ tịch"
    )
    honoured = forms.ModelMultipleChoiceField(
        label=_("Được khen thưởng"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    not_honoured = forms.ModelMultipleChoiceField(
        label=_("Không được khen thưởng"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Các hồ sơ này bị loại với lý do “Cấp trên không khen thưởng”."),
    )

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["honoured"].queryset = nominations
        self.fields["not_honoured"].queryset = nominations


class RevokeForm(forms.Form):
    reason = forms.ChoiceField(label=_("Căn cứ hủy (Chương VII)"), choices=RevocationReason.choices)
    confirm = forms.BooleanField(
        label=_("Tôi xác nhận hủy khen thưởng"),
        help_text=_("Các tập thể, cá nhân sẽ bị gỡ khỏi trang công khai; lịch sử vẫn được giữ."),
    )


def _form_action(modeladmin, request, queryset, *, form_class, title, handler, form_kwargs=None):
    """Show ``form_class`` for the selected rows; on a valid submit call ``handler``."""
    form_kwargs = form_kwargs or {}
    data = request.POST if "apply" in request.POST else None
    form = form_class(data, **form_kwargs)
    if data is not None and form.is_valid():
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
        "media": modeladmin.media + form.media,
        "queryset": queryset,
        "opts": modeladmin.model._meta,
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "awards/admin/action_form.html", context)


def _per_row_action(modeladmin, request, queryset, *, form_class, title, step, done):
    """A form, then ``step(row, cleaned_data)`` for every selected row, all or none;
    ``done(rows)`` is the message saying what happened."""

    def handler(data):
        rows = list(queryset)
        with transaction.atomic():
            for row in rows:
                step(row, data)
        return done(rows)

    return _form_action(
        modeladmin, request, queryset, form_class=form_class, title=title, handler=handler
    )


def holds_permission(perm):
    """A ``ModelAdmin.has_<name>_permission`` method: the user holds ``perm``. Adding a
    decision or a proposal, and the workflow steps that create one, need that model's own
    "add" permission, not the nominations'."""

    def check(modeladmin, request, obj=None):
        return request.user.has_perm(perm)

    return check


def export_actions(exporter, rows):
    """The two admin actions "Xuất Excel <rows>" and "Xuất CSV <rows>": the selected rows
    written by ``exporter(queryset, "xlsx" | "csv")``, for anyone who may view them."""

    def export_as(file_format, label):
        @admin.action(description=format_lazy("Xuất {} {}", label, rows), permissions=["view"])
        def action(modeladmin, request, queryset):
            return exporter(queryset, file_format)

        return action

    return export_as("xlsx", "Excel"), export_as("csv", "CSV")


def reason_action(
    description,
    form_class,
    service,
    *,
    done,
    title=None,
    argument="nomination",
    permission="change",
):
    """An admin action: a form asking for the reason, then
    ``service(<argument>=row, reason=, by=)`` for every selected row, all or none;
    ``done(rows)`` is the message. ``title`` heads the form (the description by default)."""

    @admin.action(description=description, permissions=[permission])
    def action(modeladmin, request, queryset):
        return _per_row_action(
            modeladmin,
            request,
            queryset,
            form_class=form_class,
            title=title or description,
            step=lambda row, data: service(
                **{argument: row}, reason=data["reason"], by=request.user
            ),
            done=done,
        )

    return action


def _nominations_done(verb):
    """The message of an action on nominations: what was done, to how many, and to whom."""
    return lambda rows: f"{verb} {len(rows)} hồ sơ: {_candidates(rows)}."


def _candidates(nominations):
    names = [str(n.candidate) for n in nominations]
    shown = ", ".join(names[:5])
    return shown + (f" và {len(names) - 5} hồ sơ khác" if len(names) > 5 else "")


# --- Nominations ---------------------------------------------------------------------------


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["kind", "title", "file", "uploaded_at"]
    readonly_fields = ["uploaded_at"]
    verbose_name_plural = _("thành phần hồ sơ (tài liệu kèm theo)")


# What the council concluded on a nomination at a meeting (the votes in the room, the
# written opinions of members absent, whether it is proposed), shown beside the meeting on
# a nomination and beside the nomination on a meeting.
CONCLUSION_FIELDS = [
    "votes_for",
    "votes_against",
    "written_for",
    "written_against",
    "proposed",
    "note",
]


class ConclusionReadOnlyInline(admin.TabularInline):
    model = CouncilConclusion
    extra = 0
    fields = ["meeting", *CONCLUSION_FIELDS]
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
    "revoked_at",
    "revoked_by",
    "revocation_reason",
    "revocation_document",
]


# A nomination as the secretariat enters it: who, for which form and year, and why; and, for
# "Tập thể lao động xuất sắc" (Điều 27), the members' counts its rule is checked against.
NOMINATION_FIELDS = ["period", "year", "award_form", "collective", "individual", "achievements"]
MEMBER_COUNT_FIELDS = ["members_total", "members_completed", "members_advanced", "members_fighters"]


class NominationAdminForm(forms.ModelForm):
    class Meta:
        model = Nomination
        fields = [*NOMINATION_FIELDS, *MEMBER_COUNT_FIELDS]
        help_texts = {
            "collective": _("Chọn đúng một: hoặc một tập thể, hoặc một cá nhân (ô dưới)."),
            "individual": _("Chọn đúng một: hoặc một cá nhân, hoặc một tập thể (ô trên)."),
        }


@admin.register(Nomination)
class NominationAdmin(
    FoldedSearchMixin, WorkflowHistoryMixin, OptimisticLockAdminMixin, SimpleHistoryAdmin
):
    form = NominationAdminForm
    list_display = [
        "candidate_name",
        "stage",
        "candidate_kind",
        "award_form",
        "year",
        "unit",
        "dossier_status",
        "decision",
    ]
    list_filter = [
        "stage",
        "year",
        "period",
        ("unit__block", admin.RelatedOnlyFieldListFilter),
        ("unit", admin.RelatedOnlyFieldListFilter),
        "candidate_kind",
        "award_form",
    ]
    search_fields = ["collective__name", "individual__full_name"]
    search_help_text = _("Tên tập thể, cá nhân (gõ có dấu hay không dấu), số quyết định, tờ trình")
    folded_search_fields = CANDIDATE_SEARCH
    number_search_fields = ["decision__number", "proposal__number"]
    date_hierarchy = "registered_at"
    list_select_related = ["collective", "individual", "unit", "award_form", "period", "decision"]
    autocomplete_fields = ["collective", "individual"]
    inlines = [AttachmentInline, ConclusionReadOnlyInline]
    actions = [
        "introduce",
        "reject",
        "issue_decision",
        "submit_proposal",
        "revoke",
        "export_xlsx",
        "export_csv",
    ]
    fieldsets = [
        (
            _("Hồ sơ đề nghị"),
            {
                "description": _(
                    "Mỗi hồ sơ đề nghị cho đúng một tập thể hoặc một cá nhân, một hình thức "
                    "khen thưởng, một năm xét."
                ),
                "fields": NOMINATION_FIELDS,
            },
        ),
        (
            _("Tập thể lao động xuất sắc: số thành viên (Điều 27)"),
            {
                "classes": ["collapse"],
                "fields": MEMBER_COUNT_FIELDS,
            },
        ),
        (_("Thành phần hồ sơ còn thiếu"), {"fields": ["missing_documents"]}),
        (_("Tiến trình"), {"classes": ["collapse"], "fields": WORKFLOW_FIELDS}),
    ]

    @admin.display(description=_("Tập thể / cá nhân"), ordering="collective__name")
    def candidate_name(self, obj):
        return obj.candidate

    @admin.display(description=_("Hồ sơ"))
    def dossier_status(self, obj):
        missing = rules.missing_documents(obj)
        return "Đủ" if not missing else format_html("Thiếu {}", len(missing))

    @admin.display(description=_("Còn thiếu"))
    def missing_documents(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        missing = rules.missing_documents(obj)
        return "; ".join(missing) if missing else "Đủ thành phần hồ sơ"

    def get_readonly_fields(self, request, obj=None):
        fields = [*WORKFLOW_FIELDS, "missing_documents"]
        if obj is not None:
            fields += ["period", "award_form", "collective", "individual"]
            if obj.stage != Stage.REGISTERED:
                fields += [
                    "year",
                    "achievements",
                    "members_total",
                    "members_completed",
                    "members_advanced",
                    "members_fighters",
                ]
        return fields

    def save_model(self, request, obj, form, change):
        if change:
            obj._change_reason = "Sửa nội dung hồ sơ (bước 1)"
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
        counts = MEMBER_COUNT_FIELDS
        if any(getattr(obj, name) is not None for name in counts):
            for name in counts:
                setattr(created, name, getattr(obj, name))
            created.save(update_fields=counts)
        for field in Nomination._meta.concrete_fields:
            setattr(obj, field.attname, getattr(created, field.attname))
        obj._state.adding = False

    def has_delete_permission(self, request, obj=None):
        # A nomination is rejected with a reason, never deleted: the record must stay.
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    has_issue_permission = holds_permission("awards.add_decision")

    has_propose_permission = holds_permission("awards.add_proposal")

    @admin.action(description=_("Bước 2: ghi nhận khối thi đua giới thiệu"), permissions=["change"])
    def introduce(self, request, queryset):
        rows = list(queryset.select_related("unit__block", "collective", "individual"))
        try:
            with transaction.atomic():
                for nomination in rows:
                    services.nomination_introduce(
                        nomination=nomination, block=nomination.unit.block, by=request.user
                    )
        except WorkflowError as exc:
            self.message_user(request, f"Chưa ghi nhận hồ sơ nào: {exc}", messages.ERROR)
            return
        self.message_user(
            request,
            f"Đã ghi nhận khối thi đua giới thiệu {len(rows)} hồ sơ: {_candidates(rows)}.",
            messages.SUCCESS,
        )

    reject = reason_action(
        _("Loại hồ sơ (không được chọn)"),
        RejectForm,
        services.nomination_reject,
        title=_("Loại hồ sơ đề nghị"),
        done=_nominations_done("Đã loại"),
    )

    @admin.action(
        description=_("Bước 4: ra quyết định khen thưởng (Giám đốc Sở)"), permissions=["issue"]
    )
    def issue_decision(self, request, queryset):
        rows = list(queryset.select_related("award_form", "meeting", "collective", "individual"))
        if "apply" not in request.POST:
            # Refuse before the form is filled in: authority, stage and eligibility.
            try:
                services.decision_check(nominations=rows, date=timezone.localdate())
            except WorkflowError as exc:
                self.message_user(request, f"Chưa thể ra quyết định: {exc}", messages.ERROR)
                return None

        def handler(data):
            decision = services.decision_issue(
                number=data["number"],
                date=data["date"],
                signer=data["signer"],
                signer_position=data["signer_position"],
                nominations=rows,
                by=request.user,
            )
            forms_ = sorted({n.award_form.name for n in rows})
            return (
                f"Đã ghi nhận {decision} ngày {decision.signed_on:%d/%m/%Y}: khen thưởng "
                f"{len(rows)} hồ sơ ({'; '.join(forms_)})."
            )

        return _form_action(
            self,
            request,
            queryset,
            form_class=DecisionForm,
            title=_("Quyết định khen thưởng"),
            handler=handler,
        )

    @admin.action(
        description=_("Bước 4: lập tờ trình đề nghị cấp trên khen thưởng"), permissions=["propose"]
    )
    def submit_proposal(self, request, queryset):
        def handler(data):
            rows = list(queryset)
            proposal = services.proposal_submit(
                number=data["number"],
                date=data["date"],
                recipient=data["recipient"],
                nominations=rows,
                by=request.user,
            )
            return (
                f"Đã ghi nhận {proposal} gửi {proposal.recipient}: {len(rows)} hồ sơ. Khi có "
                f"quyết định của cấp trên, ghi nhận ở mục Tờ trình (bước 5)."
            )

        return _form_action(
            self,
            request,
            queryset,
            form_class=ProposalForm,
            title=_("Tờ trình đề nghị khen thưởng"),
            handler=handler,
        )

    revoke = reason_action(
        _("Hủy khen thưởng các hồ sơ đã chọn"),
        RevokeForm,
        services.nomination_revoke,
        title=_("Hủy khen thưởng"),
        done=_nominations_done("Đã hủy khen thưởng"),
        permission="issue",
    )

    export_xlsx, export_csv = export_actions(
        exports.nominations_export, _("các hồ sơ đề nghị đã chọn")
    )


# --- Council meetings ----------------------------------------------------------------------


class ConclusionFormSet(BaseInlineFormSet):
    """Refuse vote totals the meeting cannot have, when the meeting form is saved."""

    def clean(self):
        super().clean()
        meeting = self.instance
        if meeting.members_total is None or meeting.members_present is None:
            return
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("nomination"):
                continue
            problem = check_vote_counts(
                meeting,
                votes_for=data.get("votes_for") or 0,
                votes_against=data.get("votes_against") or 0,
                written_for=data.get("written_for") or 0,
                written_against=data.get("written_against") or 0,
            )
            if problem:
                form.add_error(None, f"{data['nomination'].candidate}: {problem}")


class ConclusionInline(admin.TabularInline):
    model = CouncilConclusion
    formset = ConclusionFormSet
    extra = 1
    fields = ["nomination", *CONCLUSION_FIELDS]
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
class CouncilMeetingAdmin(WorkflowHistoryMixin, OptimisticLockAdminMixin, SimpleHistoryAdmin):
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

    @admin.action(description=_("Bước 3: ghi nhận kết quả họp (chuyển hồ sơ sang bình xét)"))
    def record(self, request, queryset):
        for meeting in queryset:
            try:
                services.council_meeting_record(meeting=meeting, by=request.user)
            except WorkflowError as exc:
                self.message_user(request, f"{meeting}: chưa ghi nhận: {exc}", messages.ERROR)
            else:
                conclusions = meeting.conclusions.all()
                proposed = sum(1 for c in conclusions if c.proposed)
                self.message_user(
                    request,
                    f"Đã ghi nhận cuộc họp ngày {meeting.held_on:%d/%m/%Y}: {proposed} hồ sơ "
                    f"được đề nghị, {len(conclusions) - proposed} không được chọn.",
                    messages.SUCCESS,
                )

    record.allowed_permissions = ["change"]


@admin.register(CouncilConclusion)
class CouncilConclusionAdmin(FoldedSearchMixin, WorkflowHistoryMixin, SimpleHistoryAdmin):
    list_display = [
        "nomination",
        "meeting",
        "votes_for",
        "votes_against",
        "written_for",
        "proposed",
    ]
    list_filter = ["proposed", "meeting__period"]
    search_fields = ["nomination__collective__name", "nomination__individual__full_name"]
    folded_search_fields = [f"nomination__{field}" for field in CANDIDATE_SEARCH]
    autocomplete_fields = ["nomination"]

    def has_module_permission(self, request):
        # Edited inside their meeting; listed only for the audit history.
        return request.user.is_superuser


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

    def add_view(self, request, form_url="", extra_context=None):
        """ "Thêm" leads to the step itself: choose the reviewed nominations, then the action."""
        self.message_user(request, self.add_hint, messages.INFO)
        url = reverse("admin:awards_nomination_changelist")
        return redirect(f"{url}?stage__exact={Stage.REVIEWED}")


@admin.register(Decision)
class DecisionAdmin(WorkflowHistoryMixin, HonouredListMixin, SimpleHistoryAdmin):
    add_hint = _(
        "Quyết định được ghi nhận từ danh sách hồ sơ: chọn các hồ sơ đã được Hội đồng bình "
        "xét, rồi chọn thao tác “Bước 4: ra quyết định khen thưởng”. Quyết định của cấp trên "
        "ghi nhận ở mục Tờ trình (bước 5)."
    )
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
    search_fields = ["number", "signer", "issuing_body"]
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
    actions = ["revoke", "export_xlsx", "export_csv"]

    has_add_permission = holds_permission("awards.add_decision")

    revoke = reason_action(
        _("Hủy quyết định khen thưởng"),
        RevokeForm,
        services.decision_revoke,
        argument="decision",
        done=lambda rows: (
            f"Đã hủy quyết định số {', '.join(d.number for d in rows)}: các tập thể, cá nhân "
            f"được khen thưởng đã được gỡ khỏi trang công khai."
        ),
    )

    export_xlsx, export_csv = export_actions(exports.decisions_export, _("các quyết định đã chọn"))


@admin.register(Proposal)
class ProposalAdmin(WorkflowHistoryMixin, HonouredListMixin, SimpleHistoryAdmin):
    add_hint = _(
        "Tờ trình được lập từ danh sách hồ sơ: chọn các hồ sơ đã được Hội đồng bình xét thuộc "
        "thẩm quyền cấp trên, rồi chọn thao tác “Bước 4: lập tờ trình”."
    )
    list_display = ["number", "submitted_on", "recipient", "forms", "nomination_count", "waiting"]
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
    actions = ["record_external_decision"]

    @admin.display(description=_("Chờ quyết định cấp trên"))
    def waiting(self, obj):
        return obj.nominations.filter(stage=Stage.REVIEWED).count()

    has_add_permission = holds_permission("awards.add_proposal")

    has_record_permission = holds_permission("awards.add_decision")

    @admin.action(description=_("Bước 5: ghi nhận quyết định của cấp trên"), permissions=["record"])
    def record_external_decision(self, request, queryset):
        proposals = list(queryset)
        if len(proposals) != 1:
            self.message_user(request, "Hãy chọn đúng một tờ trình.", messages.ERROR)
            return None
        [proposal] = proposals
        waiting = proposal.nominations.filter(stage=Stage.REVIEWED).select_related(
            "collective", "individual", "award_form"
        )

        def handler(data):
            decision = services.decision_record_external(
                proposal=proposal,
                **{key: data[key] for key in services.EXTERNAL_DECISION_PARTICULARS},
                honoured=list(data["honoured"]),
                not_honoured=list(data["not_honoured"]),
                by=request.user,
            )
            return (
                f"Đã ghi nhận quyết định số {data['number']} của {data['issuing_body']}: "
                f"{len(data['honoured'])} hồ sơ được khen thưởng, {len(data['not_honoured'])} "
                f"không được khen thưởng."
                + ("" if decision else " (không có hồ sơ nào được khen thưởng)")
            )

        return _form_action(
            self,
            request,
            queryset,
            form_class=ExternalDecisionForm,
            title=_("Quyết định của cấp trên theo %(proposal)s") % {"proposal": proposal},
            handler=handler,
            form_kwargs={"nominations": waiting},
        )


# --- Start-of-year registration and discipline records -----------------------------------


@admin.register(EmulationRegistration)
class EmulationRegistrationAdmin(FoldedSearchMixin, WorkflowHistoryMixin, SimpleHistoryAdmin):
    list_display = ["candidate_name", "award_form", "year", "state", "decided_at"]
    list_filter = ["state", "year", "award_form"]
    search_fields = ["collective__name", "individual__full_name"]
    folded_search_fields = CANDIDATE_SEARCH
    autocomplete_fields = ["collective", "individual"]
    readonly_fields = ["state", "submitted_at", "decided_at", "decided_by"]
    actions = ["submit", "approve", "refuse"]

    @admin.display(description=_("Tập thể / cá nhân"))
    def candidate_name(self, obj):
        return obj.candidate

    def _run(self, request, queryset, service, done):
        rows = list(queryset)
        try:
            with transaction.atomic():
                for registration in rows:
                    service(registration=registration, by=request.user)
        except WorkflowError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            self.message_user(request, f"{done} {len(rows)} đăng ký thi đua.", messages.SUCCESS)

    @admin.action(description=_("Gửi duyệt"), permissions=["change"])
    def submit(self, request, queryset):
        self._run(request, queryset, services.registration_submit, "Đã gửi duyệt")

    @admin.action(description=_("Duyệt đăng ký"), permissions=["change"])
    def approve(self, request, queryset):
        self._run(request, queryset, services.registration_approve, "Đã duyệt")

    refuse = reason_action(
        _("Từ chối đăng ký"),
        RejectForm,
        services.registration_refuse,
        title=_("Từ chối đăng ký thi đua"),
        argument="registration",
        done=lambda rows: f"Đã từ chối {len(rows)} đăng ký thi đua.",
    )


@admin.register(DisciplineRecord)
class DisciplineRecordAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    search_fields = ["collective__name", "individual__full_name"]
    folded_search_fields = CANDIDATE_SEARCH
    autocomplete_fields = ["collective", "individual"]
    date_hierarchy = "starts_on"


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


class CandidateHistoryInline(admin.TabularInline):
    """Every nomination of the candidate, year by year and level by level, read-only: the
    secretary's view of the candidate's history (revoked and rejected rows included)."""

    model = Nomination
    fk_name = "collective"
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["year", "award_form", "stage", "decision", "issuing_body", "period"]
    readonly_fields = fields
    ordering = ["-year", "award_form__order"]
    verbose_name_plural = _("quá trình thi đua, khen thưởng")

    @admin.display(description=_("Cấp quyết định"))
    def issuing_body(self, obj):
        return obj.decision.issuing_body if obj.decision_id else "—"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("award_form", "decision", "period")


class IndividualHistoryInline(CandidateHistoryInline):
    fk_name = "individual"


@admin.register(Collective)
class CollectiveAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    inlines = [CandidateHistoryInline]
    list_display = ["name", "unit", "honoured_count"]
    list_filter = [("unit__block", admin.RelatedOnlyFieldListFilter), "unit"]
    search_fields = ["search_text"]
    list_select_related = ["unit"]
    ordering = ["name"]  # Meta.ordering is dropped by the annotated (GROUP BY) queryset

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
    inlines = [IndividualHistoryInline]
    list_display = ["full_name", "position", "unit", "honoured_count"]
    search_fields = ["search_text"]
    ordering = ["full_name"]


@admin.register(AwardForm)
class AwardFormAdmin(SimpleHistoryAdmin):
    list_display = ["name", "category", "recipient", "deciding_level", "secret_ballot", "order"]
    list_filter = ["category", "recipient", "deciding_level"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}
