"""Admin of the news app: Vietnamese labels, history with revert, publish actions."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.concurrency import OptimisticLockAdminMixin
from core.history import LocalizedHistoryAdminMixin
from core.search import FoldedSearchMixin
from core.text import search_words
from news import conf as news_conf
from news import search as news_search
from news import workflow
from news.models import Article, ArticleAttachment, ArticleSlugHistory, Category
from news.services import PublishResult


@admin.register(Category)
class CategoryAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "order", "article_total"]
    list_editable = ["order"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
    filter_horizontal = ["publishers"]
    prepopulated_fields = {"slug": ("name",)}

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "publishers":
            # Publishers are picked by name among the active staff.
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_staff=True, is_active=True)
                .order_by("first_name", "last_name", "username")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering: order again so the autocomplete pages stably.
        queryset = super().get_queryset(request).annotate(_article_total=Count("articles"))
        return queryset.order_by(*Category._meta.ordering)

    @admin.display(description=_("số bài"), ordering="_article_total")
    def article_total(self, obj):
        return obj._article_total


class ArticleSlugHistoryInline(admin.TabularInline):
    model = ArticleSlugHistory
    extra = 0
    fields = ["slug", "created_at"]
    readonly_fields = ["created_at"]
    verbose_name = _("địa chỉ cũ")
    verbose_name_plural = _(
        "Địa chỉ cũ của bài (người đọc mở địa chỉ cũ được tự động đưa đến địa chỉ hiện tại)"
    )


class ArticleAttachmentInline(admin.TabularInline):
    model = ArticleAttachment
    extra = 1
    fields = ["title", "file", "order"]
    verbose_name_plural = _("File đính kèm (PDF, Word, Excel, OpenDocument, PowerPoint)")


def user_label(user):
    """ "Nguyễn Văn An (bientap)" in the "Người đăng" select."""
    name = user.get_full_name()
    return f"{name} ({user.get_username()})" if name else user.get_username()


def scheduled_label(article):
    """ "Hẹn giờ (đăng lúc 08:00 05/12/2026)": what a scheduled article's status means."""
    when = timezone.localtime(article.published_at).strftime("%H:%M %d/%m/%Y")
    return _("Hẹn giờ (đăng lúc %(when)s)") % {"when": when}


class PublicationStateFilter(admin.SimpleListFilter):
    """Status as an editor sees it: a published article whose time is ahead is "Hẹn giờ".

    The parameter keeps the name of Django's own status filter so old bookmarks still work.
    """

    title = _("trạng thái")
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Bản nháp")),
            ("submitted", _("Chờ duyệt")),
            ("approved", _("Đã duyệt, chờ đăng")),
            ("returned", _("Bị trả lại")),
            ("scheduled", _("Hẹn giờ")),
            ("published", _("Đã đăng")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() in ("draft", "submitted", "approved", "returned"):
            return queryset.filter(status=self.value())
        if self.value() == "scheduled":
            return queryset.scheduled(now)
        if self.value() == "published":
            return queryset.published(now)
        return queryset


@admin.register(Article)
class ArticleAdmin(
    FoldedSearchMixin, LocalizedHistoryAdminMixin, OptimisticLockAdminMixin, SimpleHistoryAdmin
):
    """Articles, with history (view and revert) and a refusal of saves from stale forms."""

    list_display = [
        "title",
        "category",
        "status_label",
        "published_at",
        "is_featured",
        "view_count",
        "site_link",
    ]
    # The changelist at 100 000 articles (issue #17): one COUNT (of the filtered rows
    # only), the rows with their category in one query, search on the full-text index
    # (get_search_results), the filters without a query but the categories', the date
    # hierarchy on the published_at index (tests/news/test_admin_scale.py).
    list_filter = [PublicationStateFilter, "category", "is_featured", "published_at"]
    list_select_related = ["category"]
    show_full_result_count = False
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "published_at"

    @property
    def search_help_text(self):
        limit = f"{news_conf.search_max_results():,}".replace(",", ".")
        return _(
            "Tìm bài có đủ các từ trong tiêu đề, tóm tắt hoặc nội dung, không phân biệt chữ "
            "hoa, chữ thường và dấu; từ cuối gõ phần đầu cũng được: “dong khe” tìm được “Đông "
            "Khê”, “khoa h” tìm được “khoa học”. Hiện tối đa %(limit)s bài mới nhất khớp từ "
            "khóa: thêm từ để thu hẹp."
        ) % {"limit": limit}

    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ["view_count", "created_at", "updated_at", "site_link", "nukeviet_id"]
    actions = ["submit_selected", "approve_selected", "publish_selected", "unpublish_selected"]
    change_form_template = "news/admin/article_change_form.html"
    inlines = [ArticleAttachmentInline, ArticleSlugHistoryInline]
    history_list_display = ["status", "published_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        (_("Ảnh đại diện"), {"fields": ["image", "image_alt"]}),
        (
            _("Đăng bài"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_featured",
                    "author",
                    "byline",
                    "source",
                    "site_link",
                ]
            },
        ),
        (_("Thống kê"), {"fields": ["view_count", "created_at", "updated_at", "nukeviet_id"]}),
    ]

    class Media:
        # Prefill the slug as the model would (Django's own script turns "đ" into "dj").
        js = ["news/admin_slug.js", "news/admin_editor.js"]
        # The list fits 1366 px (titles not wrapped into a column of words), wide inputs.
        css = {"all": ["news/admin_article.css"]}

    def get_search_results(self, request, queryset, search_term):
        """Every word (the last one as a word's start) in the title, summary or body: read
        from the search index of news/search.py, not a LIKE over every row; the newest
        ``NEWS_SEARCH_MAX_RESULTS`` (1 000) matches."""
        words = search_words(search_term, limit=news_conf.SEARCH_MAX_WORDS)
        if not words:
            return queryset, False
        # The newest matches only, as the public search: a word in most articles would
        # otherwise have every match read to count them (2 s at 100 000 articles).
        newest = news_search.filter_words(queryset, words).order_by("-published_at", "-id")
        limit = news_conf.search_max_results()
        return queryset.filter(pk__in=newest.values("pk")[:limit]), False

    # --- editorial workflow (news/workflow.py holds the rules) -------------------------

    def may_set_status(self, request):
        """Only publishers pick the status in the form; everyone else uses the buttons."""
        return request.user.is_superuser or request.user.has_perm(workflow.PERM_PUBLISH)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.may_set_status(request):
            fields.append("status")
        return fields

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.may_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.may_edit(request.user, obj))

    def has_submit_permission(self, request):
        return request.user.has_perm(workflow.PERM_SUBMIT)

    def has_review_permission(self, request):
        return request.user.has_perm(workflow.PERM_REVIEW)

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.PERM_PUBLISH)

    def has_change_history_permission(self, request, obj=None):
        # simple-history lets anyone who may view the history revert: no more than editing.
        return self.has_change_permission(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A revert restores the text, never the workflow state (status, its reason, the
        publication time): those change only through the workflow."""
        # A crafted id (not a number) is a 404, not simple-history's ValueError (500).
        current = self.get_object(request, unquote(object_id))
        if current is None or not str(version_id).isdigit():
            raise Http404("Không tìm thấy phiên bản này của bài.")
        if request.method == "POST":
            if not self.has_change_permission(request, current):
                self.message_user(
                    request,
                    _("Bạn không có quyền khôi phục phiên bản của bài này."),
                    messages.ERROR,
                )
                return redirect(reverse("admin:news_article_history", args=[current.pk]))
            request._news_revert_keeps = current
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/workflow/<str:action>/",
                self.admin_site.admin_view(self.workflow_view),
                name="news_article_workflow",
            ),
            *super().get_urls(),
        ]

    def workflow_view(self, request, object_id, action):
        """A workflow button of the change form (POST): the step through the service; a
        refusal becomes a message on the article's page, never an error page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(
                ["POST"],
                "Các bước duyệt bài chỉ thực hiện bằng nút trên trang bài viết.",
                content_type="text/plain; charset=utf-8",
            )
        article = self.get_object(request, unquote(object_id))  # None for a crafted id
        if article is None:
            raise Http404("Không tìm thấy bài viết.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        reason = request.POST.get("reason", "")
        try:
            workflow.transition(article, action, request.user, reason=reason)
        except (PermissionDenied, ValidationError) as error:
            self.message_user(request, workflow.refusal_text(error), messages.ERROR)
        else:
            self.message_user(
                request,
                _("“%(title)s”: %(status)s.")
                % {"title": article.title, "status": article.get_status_display()},
                messages.SUCCESS,
            )
        return redirect(reverse("admin:news_article_change", args=[article.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["workflow_actions"] = workflow.available_actions(request.user, obj)
            context["workflow_events"] = obj.workflow_events.select_related("actor")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_inlines(self, request, obj):
        # A new article has no old address yet: the inline would only puzzle the editor.
        if obj is None:
            return [ArticleAttachmentInline]
        return super().get_inlines(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name != "author":
            return super().formfield_for_foreignkey(db_field, request, **kwargs)
        # "Người đăng" picked by name among the staff (and whoever already posted, so an
        # imported article keeps its author), not typed as a user id.
        users = get_user_model().objects.filter(
            Q(is_staff=True, is_active=True) | Q(news_articles__isnull=False)
        )
        kwargs["queryset"] = users.distinct().order_by("first_name", "last_name", "username")
        kwargs["help_text"] = _("Để trống: người đang đăng nhập.")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        field.label_from_instance = user_label
        return field

    @admin.display(description=_("trạng thái"), ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return scheduled_label(obj)
        return obj.get_status_display()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form = self._workflow_checked_form(form, request, obj)
        if obj is not None and obj.is_scheduled:
            # The status box of a scheduled article must not read "Đã đăng".
            field = form.base_fields["status"]
            field.choices = [
                (value, scheduled_label(obj) if value == Article.Status.PUBLISHED else label)
                for value, label in field.choices
            ]
        return form

    @admin.display(description=_("trên trang"))
    def site_link(self, obj):
        if obj is None or not obj.pk:
            return "-"
        label = _("Xem") if obj.is_public() else _("Xem trước")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>',
                           obj.get_absolute_url(), label)  # fmt: skip

    def _workflow_checked_form(self, form_class, request, obj):
        """A publisher's status pick must be a step they may take (the category's
        publishers included), checked on the server whatever the browser sent."""
        old_status = obj.status if obj is not None else Article.Status.DRAFT
        author_id = obj.author_id if obj is not None else request.user.pk

        class WorkflowCheckedForm(form_class):
            def clean(form):  # noqa: N805 - a method of the form class
                cleaned = super().clean()
                new_status = cleaned.get("status")
                form._check_category_move(new_status)
                if new_status and new_status != old_status:
                    probe = Article(status=old_status, author_id=author_id)
                    probe.category = cleaned.get("category")
                    try:
                        workflow.check_status_change(request.user, probe, old_status, new_status)
                    except (PermissionDenied, ValidationError) as error:
                        form.add_error("status", workflow.refusal_text(error))
                return cleaned

            def _check_category_move(form, new_status):  # noqa: N805
                """Moving a published article to another category publishes it there: only
                for who may publish in that category (a history revert included: the
                stored row, not the old version, says what readers see)."""
                if "category" not in form.cleaned_data or form.instance.pk is None:
                    return
                stored = (
                    Article.objects.filter(pk=form.instance.pk)
                    .values("status", "category_id")
                    .first()
                )
                if stored is None:
                    return
                reverting = getattr(request, "_news_revert_keeps", None) is not None
                status = stored["status"] if reverting or not new_status else new_status
                category = form.cleaned_data["category"]
                moved = (category.pk if category else None) != stored["category_id"]
                if (
                    moved
                    and status == Article.Status.PUBLISHED
                    and not workflow.may_publish_in(request.user, category)
                ):
                    form.add_error(
                        "category",
                        _(
                            "Bài đã đăng chỉ được chuyển sang chuyên mục “%(category)s” bởi "
                            "người được giao đăng bài của chuyên mục này."
                        )
                        % {"category": category},
                    )

        return WorkflowCheckedForm

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        before = None
        if change:
            before = (
                Article.objects.filter(pk=obj.pk)
                .values("status", "return_reason", "published_at")
                .first()
            )
        if before is not None and getattr(request, "_news_revert_keeps", None) is not None:
            # A history revert: the old text comes back, the workflow state stays.
            obj.status = before["status"]
            obj.return_reason = before["return_reason"]
            obj.published_at = before["published_at"]
        elif before is not None and "status" not in form.fields:
            obj.status = before["status"]  # never changed by a form without the field
        old_status = before["status"] if before is not None else ""
        if obj.status != old_status and obj.status == Article.Status.PUBLISHED:
            obj.return_reason = ""
        super().save_model(request, obj, form, change)
        if obj.status != old_status:
            workflow.record(obj, old_status, obj.status, request.user)
        # Django's "đã được thay đổi thành công" says nothing about whether readers see it.
        if obj.is_scheduled:
            when = timezone.localtime(obj.published_at).strftime("%H:%M %d/%m/%Y")
            note = _("Bài được hẹn giờ: người đọc chưa thấy, bài tự hiện trên trang lúc %(when)s.")
            self.message_user(request, note % {"when": when}, messages.INFO)
        elif obj.status == Article.Status.DRAFT:
            note = _("Bài đang là bản nháp: người đọc chưa thấy cho đến khi bài được đăng.")
            self.message_user(request, note, messages.INFO)

    def _report_refusals(self, request, refusals):
        for article, message in refusals[:5]:
            self.message_user(request, f"“{article.title}”: {message}", messages.ERROR)
        if len(refusals) > 5:
            self.message_user(
                request,
                _("… và %(n)d bài khác bị từ chối.") % {"n": len(refusals) - 5},
                messages.ERROR,
            )

    def _step_selected(self, request, queryset, action, done_message):
        done, refusals = 0, []
        for article in queryset.select_related("category"):
            try:
                workflow.transition(article, action, request.user)
            except (PermissionDenied, ValidationError) as error:
                refusals.append((article, workflow.refusal_text(error)))
            else:
                done += 1
        if done:
            self.message_user(request, done_message % {"n": done}, messages.SUCCESS)
        self._report_refusals(request, refusals)

    @admin.action(description=_("Gửi duyệt các bài đã chọn"), permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._step_selected(request, queryset, workflow.SUBMIT, _("Đã gửi duyệt %(n)d bài."))

    @admin.action(description=_("Duyệt các bài đã chọn"), permissions=["review"])
    def approve_selected(self, request, queryset):
        self._step_selected(request, queryset, workflow.APPROVE, _("Đã duyệt %(n)d bài."))

    @admin.action(description=_("Đăng các bài đã chọn"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        """Publish now: drafts and scheduled articles go on the site at once.

        No confirmation step: the action's name says what it does, the message says what
        happened, and "Chuyển các bài đã chọn về bản nháp" undoes it.
        """
        counts, refusals = workflow.publish_now_many(
            list(queryset.select_related("category")), request.user
        )
        result = PublishResult(**counts)
        self._report_refusals(request, refusals)
        if not result.changed and refusals:
            return
        if not result.changed:
            self.message_user(
                request,
                _("Không có bài nào được đăng thêm: %(n)d bài đã chọn đều đã đăng từ trước.")
                % {"n": result.already_public},
                messages.WARNING,
            )
            return
        message = _("Đã đăng %(n)d bài") % {"n": result.changed}
        if result.brought_forward:
            message += _(" (%(n)d bài đang hẹn giờ được đăng ngay, thời điểm đăng là bây giờ)") % {
                "n": result.brought_forward
            }
        if result.already_public:
            message += _("; %(n)d bài đã đăng từ trước") % {"n": result.already_public}
        self.message_user(request, message + ".", messages.SUCCESS)

    @admin.action(description=_("Chuyển các bài đã chọn về bản nháp"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        changed, unchanged, refusals = workflow.unpublish_many(
            list(queryset.select_related("category")), request.user
        )
        self._report_refusals(request, refusals)
        if not changed and refusals:
            return
        if not changed:
            self.message_user(
                request,
                _("Không có bài nào được gỡ: %(n)d bài đã chọn vốn chưa đăng.") % {"n": unchanged},
                messages.WARNING,
            )
            return
        message = _("Đã gỡ %(n)d bài về bản nháp") % {"n": changed}
        if unchanged:
            message += _("; %(n)d bài vốn chưa đăng") % {"n": unchanged}
        self.message_user(request, message + ".", messages.SUCCESS)
