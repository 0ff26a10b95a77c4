"""Admin of the news app: Vietnamese labels, history with revert, publish actions."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
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
from news.models import Article, ArticleAttachment, ArticleSlugHistory, Category
from news.services import articles_publish, articles_unpublish


@admin.register(Category)
class CategoryAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "order", "article_total"]
    list_editable = ["order"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ("name",)}

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
            ("scheduled", _("Hẹn giờ")),
            ("published", _("Đã đăng")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "draft":
            return queryset.filter(status=Article.Status.DRAFT)
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
    actions = ["publish_selected", "unpublish_selected"]
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

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        # Django's "đã được thay đổi thành công" says nothing about whether readers see it.
        if obj.is_scheduled:
            when = timezone.localtime(obj.published_at).strftime("%H:%M %d/%m/%Y")
            note = _("Bài được hẹn giờ: người đọc chưa thấy, bài tự hiện trên trang lúc %(when)s.")
            self.message_user(request, note % {"when": when}, messages.INFO)
        elif obj.status == Article.Status.DRAFT:
            note = _("Bài đang là bản nháp: người đọc chưa thấy cho đến khi bài được đăng.")
            self.message_user(request, note, messages.INFO)

    @admin.action(description=_("Đăng các bài đã chọn"), permissions=["change"])
    def publish_selected(self, request, queryset):
        """Publish now: drafts and scheduled articles go on the site at once.

        No confirmation step: the action's name says what it does, the message says what
        happened, and "Chuyển các bài đã chọn về bản nháp" undoes it.
        """
        result = articles_publish(articles=list(queryset))
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

    @admin.action(description=_("Chuyển các bài đã chọn về bản nháp"), permissions=["change"])
    def unpublish_selected(self, request, queryset):
        articles = list(queryset)
        changed = articles_unpublish(articles=articles)
        unchanged = len(articles) - changed
        if not changed:
            self.message_user(
                request,
                _("Không có bài nào được gỡ: %(n)d bài đã chọn vốn là bản nháp.")
                % {"n": unchanged},
                messages.WARNING,
            )
            return
        message = _("Đã gỡ %(n)d bài về bản nháp") % {"n": changed}
        if unchanged:
            message += _("; %(n)d bài vốn là bản nháp") % {"n": unchanged}
        self.message_user(request, message + ".", messages.SUCCESS)
