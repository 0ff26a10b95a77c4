"""Admin of the news app: Vietnamese labels, history with revert, publish actions."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.concurrency import OptimisticLockAdminMixin
from news.models import Article, ArticleAttachment, ArticleSlugHistory, Category
from news.services import articles_publish, articles_unpublish


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "order", "article_total"]
    list_editable = ["order"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_article_total=Count("articles"))

    @admin.display(description=_("số bài"), ordering="_article_total")
    def article_total(self, obj):
        return obj._article_total


class ArticleSlugHistoryInline(admin.TabularInline):
    model = ArticleSlugHistory
    extra = 0
    fields = ["slug", "created_at"]
    readonly_fields = ["created_at"]
    verbose_name_plural = _("Đường dẫn cũ (chuyển hướng 301 về địa chỉ hiện tại)")


class ArticleAttachmentInline(admin.TabularInline):
    model = ArticleAttachment
    extra = 1
    fields = ["title", "file", "order"]
    verbose_name_plural = _("File đính kèm (PDF, Word, Excel, OpenDocument, PowerPoint)")


@admin.register(Article)
class ArticleAdmin(OptimisticLockAdminMixin, SimpleHistoryAdmin):
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
    list_filter = ["status", "category", "is_featured", "published_at"]
    list_select_related = ["category"]
    search_fields = ["title", "summary", "byline"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ["view_count", "created_at", "updated_at", "site_link", "nukeviet_id"]
    raw_id_fields = ["author"]
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
        js = ["news/admin_slug.js"]

    @admin.display(description=_("trạng thái"), ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return _("Hẹn giờ")
        return obj.get_status_display()

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

    @admin.action(description=_("Đăng các bài đã chọn"), permissions=["change"])
    def publish_selected(self, request, queryset):
        changed = articles_publish(articles=list(queryset))
        self.message_user(
            request,
            ngettext("Đã đăng %d bài.", "Đã đăng %d bài.", changed) % changed,
            messages.SUCCESS,
        )

    @admin.action(description=_("Chuyển các bài đã chọn về bản nháp"), permissions=["change"])
    def unpublish_selected(self, request, queryset):
        changed = articles_unpublish(articles=list(queryset))
        self.message_user(
            request,
            ngettext("Đã gỡ %d bài về bản nháp.", "Đã gỡ %d bài về bản nháp.", changed) % changed,
            messages.SUCCESS,
        )
