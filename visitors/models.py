"""Models of the visitor statistics."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailySalt(models.Model):
    """The random salt of one day, mixed into every visitor hash of that day.

    Kept in the database so that every process and server hashes a visitor the same way;
    deleted after two days, after which a stored hash can no longer be linked to anybody.
    """

    day = models.DateField(_("ngày"), unique=True)
    salt = models.CharField(_("muối"), max_length=64)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("muối trong ngày")
        verbose_name_plural = _("muối trong ngày")

    def __str__(self):
        return self.day.isoformat()


class VisitorActivity(models.Model):
    """Short-lived state of one visitor (one daily hash): when they were last seen and when
    their current visit started. Written by one upsert per page view; pruned after a day.
    """

    visitor = models.CharField(_("khách (mã băm)"), max_length=64, unique=True)
    first_seen = models.DateTimeField(_("lần đầu"))
    last_seen = models.DateTimeField(_("lần cuối"), db_index=True)
    visit_started_at = models.DateTimeField(_("bắt đầu lượt truy cập"))
    pageviews = models.PositiveIntegerField(_("lượt xem trang"), default=0)
    new_visit = models.BooleanField(_("lượt truy cập mới"), default=False)

    class Meta:
        ordering = ["-last_seen"]
        verbose_name = _("hoạt động của khách")
        verbose_name_plural = _("hoạt động của khách")

    def __str__(self):
        return f"{self.visitor[:8]}… {self.last_seen:%Y-%m-%d %H:%M}"


class DailyStat(models.Model):
    """One of the ``VISITORS_DAILY_SHARDS`` rows that hold a day's counts.

    A page view adds to a row picked at random among the day's slots, so concurrent
    requests rarely wait for the same row; readers add the slots up. Kept forever.
    """

    day = models.DateField(_("ngày"))
    slot = models.PositiveSmallIntegerField(_("phân đoạn"), default=0)
    visits = models.PositiveBigIntegerField(_("lượt truy cập"), default=0)
    pageviews = models.PositiveBigIntegerField(_("lượt xem trang"), default=0)
    visitors = models.PositiveBigIntegerField(_("khách"), default=0)

    class Meta:
        ordering = ["-day", "slot"]
        verbose_name = _("thống kê theo ngày")
        verbose_name_plural = _("thống kê theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["day", "slot"], name="visitors_dailystat_day_slot"),
            models.CheckConstraint(
                condition=models.Q(visits__lte=models.F("pageviews")),
                name="visitors_dailystat_visits_lte_pageviews",
            ),
            models.CheckConstraint(
                condition=models.Q(visitors__lte=models.F("visits")),
                name="visitors_dailystat_visitors_lte_visits",
            ),
        ]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} #{self.slot}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.visits > self.pageviews:
            raise ValidationError(_("Số lượt truy cập không thể lớn hơn số lượt xem trang."))
        if self.visitors > self.visits:
            raise ValidationError(_("Số khách không thể lớn hơn số lượt truy cập."))


class VisitorStatsSettings(models.Model):
    """The one row of settings of the statistics, edited by staff in the admin."""

    SINGLETON_ID = 1

    total_offset = models.PositiveBigIntegerField(
        _("số lượt truy cập ban đầu"),
        default=0,
        help_text=_(
            "Cộng vào “Tổng lượt truy cập”: số lượt truy cập của trang web cũ trước khi "
            "chuyển sang hệ thống này."
        ),
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("cài đặt thống kê truy cập")
        verbose_name_plural = _("cài đặt thống kê truy cập")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="visitors_settings_singleton"),
        ]

    def __str__(self):
        return str(_("Cài đặt thống kê truy cập"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        record, _created = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return record


class RedisFlush(models.Model):
    """A batch of Redis counters already added to ``DailyStat``.

    ``flush_visitor_stats`` records the batch in the same transaction as the counts, so a
    flush interrupted after the commit does not add the same batch twice.
    """

    token = models.CharField(_("mã lô"), max_length=64, unique=True)
    day = models.DateField(_("ngày"))
    flushed_at = models.DateTimeField(_("chuyển lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-flushed_at"]
        verbose_name = _("lô chuyển từ Redis")
        verbose_name_plural = _("lô chuyển từ Redis")

    def __str__(self):
        return self.token
