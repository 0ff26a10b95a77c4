"""Models of the news app: categories, articles, attachments, old addresses and view
de-duplication."""

import io
import logging
import posixpath
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from simple_history.models import HistoricalRecords

from core.documents_files import ATTACHMENT_LABELS, validate_attachment_file
from core.text import vietnamese_slugify
from core.uploads import random_upload_to, reencode_image, validate_image
from news.editor import RichTextField
from news.sanitize import sanitize_html
from news.search import article_search_text

logger = logging.getLogger(__name__)

SLUG_MAX_LENGTH = 200

# Thumbnails made once, when the image is saved: (suffix, width, height).
THUMBNAIL_SIZES = {"list": (320, 220), "side": (144, 108)}

# Saves within this time of publication are part of publishing, not an update.
EDIT_GRACE = timedelta(minutes=2)


class Category(models.Model):
    """A section of the news ("Tin hoạt động", "Chuyển đổi số"...)."""

    name = models.CharField(_("tên chuyên mục"), max_length=150)
    slug = models.SlugField(
        _("đường dẫn"), max_length=160, unique=True, help_text=_("Phần cuối của địa chỉ trang.")
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chuyên mục cha"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Để trống nếu là chuyên mục gốc."),
    )
    nukeviet_id = models.PositiveIntegerField(
        _("mã trên NukeViet"),
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("catid của chuyên mục trên trang NukeViet cũ (địa chỉ cũ chuyển về đây)."),
    )
    publishers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người được đăng bài"),
        blank=True,
        related_name="news_publishing_categories",
        help_text=_(
            "Để trống: mọi người có quyền đăng bài đều đăng được. Chọn người: chỉ họ "
            "(và quản trị viên) được đăng, gỡ bài trong chuyên mục này."
        ),
    )
    nukeviet_alias = models.CharField(
        _("đường dẫn trên NukeViet"),
        max_length=250,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Alias của chuyên mục trên trang NukeViet cũ, như trong địa chỉ cũ."),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vietnamese_slugify(self.name, max_length=150) or "chuyen-muc"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:category", args=[self.slug])

    def get_ancestors(self):
        """The parents of this category, root first (for breadcrumbs); stops at a cycle."""
        ancestors, seen, current = [], {self.pk}, self.parent
        while current is not None and current.pk not in seen:
            ancestors.append(current)
            seen.add(current.pk)
            current = current.parent
        return ancestors[::-1]

    def clean(self):
        super().clean()
        if self.parent_id is not None and self.pk is not None:
            node, seen = self.parent, set()
            while node is not None and node.pk not in seen:
                if node.pk == self.pk:
                    raise ValidationError(
                        {"parent": _("Chuyên mục cha không được là chính nó hoặc chuyên mục con.")}
                    )
                seen.add(node.pk)
                node = node.parent


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """The articles the public may see: published, and their time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        """Published articles whose publication time is still ahead."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=now or timezone.now())

    def newest_first(self):
        return self.order_by("-published_at", "-id")


class Article(models.Model):
    """A news article. Its body is sanitized and its search text folded on every save."""

    class Status(models.TextChoices):
        # The editorial workflow (news/workflow.py): draft → submitted → approved →
        # published, "returned" (with a reason) from each step. Only "published" is public.
        DRAFT = "draft", _("Bản nháp")
        SUBMITTED = "submitted", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt, chờ đăng")
        PUBLISHED = "published", _("Đã đăng")
        RETURNED = "returned", _("Bị trả lại")

    title = models.CharField(_("tiêu đề"), max_length=255)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tiêu đề (bỏ dấu, đ → d)."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("chuyên mục"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    summary = models.TextField(
        _("tóm tắt"), blank=True, help_text=_("Một hai câu hiện ở danh sách tin và khi chia sẻ.")
    )
    body = RichTextField(_("nội dung"), blank=True)
    image = models.ImageField(
        _("ảnh đại diện"),
        upload_to=random_upload_to("news"),
        blank=True,
        validators=[validate_image],
        help_text=_("JPEG, PNG, WebP hoặc GIF. Ảnh thu nhỏ được tạo tự động."),
    )
    image_alt = models.CharField(
        _("mô tả ảnh"),
        max_length=255,
        blank=True,
        help_text=_("Cho người không xem được ảnh; để trống sẽ dùng tiêu đề."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đăng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_articles",
    )
    byline = models.CharField(
        _("tác giả (ký tên)"), max_length=100, blank=True, help_text=_("Ví dụ: HN.")
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    return_reason = models.TextField(
        _("lý do trả lại"),
        blank=True,
        editable=False,
        help_text=_("Lý do của lần trả lại gần nhất; chỉ đặt qua quy trình duyệt bài."),
    )
    published_at = models.DateTimeField(
        _("thời điểm đăng"),
        default=timezone.now,
        db_index=True,
        help_text=_("Một thời điểm trong tương lai: bài được hẹn giờ, chỉ hiện khi đến giờ."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    is_featured = models.BooleanField(_("tin nổi bật"), default=False)
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0)
    # Title, summary and body text folded, one line each; the search index reads it.
    search_text = models.TextField(_("văn bản tìm kiếm"), blank=True, editable=False)
    source = models.CharField(
        _("nguồn tin"), max_length=255, blank=True, help_text=_("Ví dụ: Báo Cao Bằng.")
    )
    nukeviet_id = models.PositiveIntegerField(
        _("mã trên NukeViet"),
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("id của bài trên trang NukeViet cũ (địa chỉ cũ chuyển về đây)."),
    )

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["view_count", "search_text", "updated_at"],
        verbose_name=_("lịch sử bài viết"),
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        # Lists, sitemaps and feeds walk these in order (the id breaks ties), so a deep
        # page skips index entries only. The search index is in news/search.py.
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"], name="news_article_status_pub_idx"
            ),
            models.Index(
                fields=["category", "status", "-published_at", "-id"],
                name="news_article_cat_pub_idx",
            ),
            models.Index(fields=["status", "-updated_at"], name="news_article_status_upd_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="news_article_slug_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "approved", "published", "returned"]),
                name="news_article_status_valid",
            ),
        ]
        permissions = [
            ("submit_article", _("Có thể gửi bài chờ duyệt")),
            ("review_article", _("Có thể duyệt hoặc trả lại bài chờ duyệt")),
            ("publish_article", _("Có thể đăng, gỡ hoặc trả lại bài")),
        ]

    def __str__(self):
        return self.title

    # --- saving -----------------------------------------------------------------------

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if self.slug:
            self.slug = vietnamese_slugify(self.slug, max_length=SLUG_MAX_LENGTH)
        if not self.slug:
            self.slug = self._unique_slug(
                vietnamese_slugify(self.title, max_length=SLUG_MAX_LENGTH)
            )
        self.search_text = article_search_text(self.title, self.summary, self.body)
        if self.image and not getattr(self.image, "_committed", True):
            # A new upload: keep only a re-encoded copy (no metadata, honest extension).
            self.image = reencode_image(self.image, name_prefix="article")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "body", "slug", "search_text"}
        with transaction.atomic():
            old_slug = None
            if self.pk is not None:
                old_slug = Article.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
            super().save(*args, **kwargs)
            if old_slug and old_slug != self.slug:
                ArticleSlugHistory.objects.get_or_create(article=self, slug=old_slug)
            # The current address is no longer an "old" one.
            ArticleSlugHistory.objects.filter(article=self, slug=self.slug).delete()
        if self.image:
            self.make_thumbnails()

    def get_absolute_url(self):
        return reverse("news:article", args=[self.slug])

    def is_public(self, now=None):
        """True when the public may see the article (same rule as ``published()``)."""
        return self.status == self.Status.PUBLISHED and self.published_at <= (now or timezone.now())

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    @property
    def updated_after_publishing(self):
        """The time of the last edit made after the article went online, or None.

        Measured from the later of publication and creation, so that neither publishing
        (which saves) nor entering an old article today counts as an update.
        """
        if self.updated_at is None or self.created_at is None or self.published_at is None:
            return None
        since = max(self.published_at, self.created_at) + EDIT_GRACE
        return self.updated_at if self.updated_at > since else None

    def clean(self):
        # The admin validates constraints before save(): make the slug here too, so a
        # blank slug means "from the title" rather than a violated constraint.
        super().clean()
        if not self.slug and self.title:
            self.slug = self._unique_slug(
                vietnamese_slugify(self.title, max_length=SLUG_MAX_LENGTH)
            )

    def _unique_slug(self, base):
        base = base or "bai-viet"
        taken_by_others = Article.objects.exclude(pk=self.pk)
        old_of_others = ArticleSlugHistory.objects.exclude(article_id=self.pk)
        candidate, number = base, 2
        while (
            taken_by_others.filter(slug=candidate).exists()
            or old_of_others.filter(slug=candidate).exists()
        ):
            suffix = f"-{number}"
            candidate = f"{base[: SLUG_MAX_LENGTH - len(suffix)]}{suffix}"
            number += 1
        return candidate

    # --- thumbnails -------------------------------------------------------------------

    def thumbnail_name(self, size):
        root, _ext = posixpath.splitext(self.image.name)
        return f"{root}_{size}.jpg"

    def thumbnail_url(self, size="list"):
        if not self.image:
            return ""
        return self.image.storage.url(self.thumbnail_name(size))

    def make_thumbnails(self):
        """Create the list and sidebar thumbnails once; later saves find them in place."""
        storage = self.image.storage
        missing = {
            size: dims
            for size, dims in THUMBNAIL_SIZES.items()
            if not storage.exists(self.thumbnail_name(size))
        }
        if not missing:
            return
        try:
            with storage.open(self.image.name, "rb") as source, Image.open(source) as image:
                image.seek(0)
                image = ImageOps.exif_transpose(image)
                if image.mode in ("RGBA", "LA", "P"):
                    image = image.convert("RGBA")
                    background = Image.new("RGB", image.size, "white")
                    background.paste(image, mask=image.getchannel("A"))
                    image = background
                else:
                    image = image.convert("RGB")
                for size, dims in missing.items():
                    thumb = ImageOps.fit(image, dims, Image.Resampling.LANCZOS)
                    output = io.BytesIO()
                    thumb.save(output, format="JPEG", quality=85, optimize=True)
                    storage.save(self.thumbnail_name(size), ContentFile(output.getvalue()))
        except Exception:
            logger.exception("news: could not make thumbnails of %s", self.image.name)


class ArticleWorkflowEvent(models.Model):
    """One step of the editorial workflow: who moved the article from which state to which,
    when, and why (a return's reason). Written only by ``news.workflow``; never edited."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="workflow_events",
    )
    from_status = models.CharField(
        _("từ trạng thái"), max_length=10, choices=Article.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("sang trạng thái"), max_length=10, choices=Article.Status.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reason = models.TextField(_("lý do / ghi chú"), blank=True)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("bước duyệt bài")
        verbose_name_plural = _("lịch sử duyệt bài")

    def __str__(self):
        return f"{self.article_id}: {self.from_status or '-'} → {self.to_status}"


class ArticleSlugHistory(models.Model):
    """An address an article had before its slug changed; it redirects (301) to the new one."""

    article = models.ForeignKey(
        Article, verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="old_slugs"
    )
    slug = models.SlugField(_("đường dẫn cũ"), max_length=255)
    created_at = models.DateTimeField(_("thời điểm đổi"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("đường dẫn cũ")
        verbose_name_plural = _("đường dẫn cũ")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "slug"], name="news_articleslughistory_unique"
            )
        ]

    def __str__(self):
        return self.slug


class ArticleViewer(models.Model):
    """Who (an anonymous daily visitor hash) last had a view of an article counted, and when.

    One row per (article, visitor); the upsert in ``news.services.article_record_view``
    decides in one statement whether a view counts. Rows older than a day are pruned.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="viewers"
    )
    visitor = models.CharField(_("khách (mã ẩn danh)"), max_length=64)
    last_counted_at = models.DateTimeField(_("lần đếm gần nhất"), db_index=True)

    class Meta:
        ordering = ["-last_counted_at"]
        verbose_name = _("lượt xem gần đây")
        verbose_name_plural = _("lượt xem gần đây")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "visitor"], name="news_articleviewer_unique_visitor"
            )
        ]

    def __str__(self):
        return f"{self.article_id}/{self.visitor[:8]}"


def view_month(now):
    """The month a view at ``now`` counts in: the first day of its month in the site's time
    zone (Asia/Ho_Chi_Minh), so 23:30 UTC on the last day of a month is the next month."""
    return timezone.localtime(now, timezone.get_default_timezone()).date().replace(day=1)


class ArticleMonthlyViews(models.Model):
    """Counted views of an article in one month, for the report's "top articles per month".

    Incremented with the article's own counter, by the same counted views (the back-ends in
    ``news.backends`` and ``news.redis_backend``). Only views counted on this site: an
    imported total (NukeViet) has no months. Rows are kept forever (one per article and
    month with views: small).
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="monthly_views",
    )
    month = models.DateField(_("tháng"), help_text=_("Ngày đầu tháng (giờ Việt Nam)."))
    views = models.PositiveIntegerField(_("lượt xem"), default=0)

    class Meta:
        ordering = ["-month", "-views"]
        verbose_name = _("lượt xem theo tháng")
        verbose_name_plural = _("lượt xem theo tháng")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "month"], name="news_articlemonthlyviews_unique_month"
            )
        ]
        indexes = [models.Index(fields=["month", "-views"], name="news_monthly_views_top")]

    def __str__(self):
        return f"{self.article_id}/{self.month:%m/%Y}: {self.views}"


# Where articles' attachments are stored: public only with their article
# (``news.views.attachment_readable``, ``core.media_gates``).
ATTACHMENTS_FOLDER = "news/attachments"


class ArticleAttachment(models.Model):
    """A file attached to an article ("File đính kèm"): PDF, Word, Excel, OpenDocument or
    PowerPoint, checked by content and stored under a random name. The media view shows
    PDFs in the browser and sends every other type as a download."""

    article = models.ForeignKey(
        Article, verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(
        _("tên tệp"), max_length=255, help_text=_("Tên hiện cho người đọc, ví dụ: Kế hoạch số 12.")
    )
    file = models.FileField(
        _("tệp"),
        upload_to=random_upload_to(ATTACHMENTS_FOLDER),
        max_length=255,
        validators=[validate_attachment_file],
        help_text=_("PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, PPT, PPTX; tối đa 10 MB."),
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước.")
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.title

    @property
    def extension(self):
        name = self.file.name or ""
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""

    @property
    def kind(self):
        """The type shown to readers, e.g. "PDF" or "Word, DOCX"."""
        extension = self.extension
        label = ATTACHMENT_LABELS.get(extension, extension.upper())
        return label if label == extension.upper() else f"{label}, {extension.upper()}"

    @property
    def is_inline(self):
        """PDFs open in the browser; every other type is downloaded."""
        return self.extension == "pdf"

    @property
    def size(self):
        try:
            return self.file.size
        except OSError:
            return None
