"""``manage.py prune_visitor_activity``: forget per-visitor data that is no longer needed.

Schedule it hourly, e.g. in cron:
    17 * * * * cd /srv/portal && .venv/bin/python manage.py prune_visitor_activity -v 0
"""

from django.core.management.base import BaseCommand
from django.db import DatabaseError, transaction
from django.utils import timezone

from visitors import conf
from visitors.services import activity_prune


class Command(BaseCommand):
    help = (
        "Xóa dữ liệu theo từng khách đã cũ (hoạt động quá một ngày, muối quá hai ngày, "
        "người xem bài viết). Số liệu tổng hợp theo ngày được giữ lại."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        activities, salts = activity_prune(now=now)
        viewers = self._prune_article_viewers(now=now)
        self.stdout.write(
            f"Đã xóa {activities} bản ghi hoạt động, {salts} muối"
            + (f", {viewers} bản ghi người xem bài viết" if viewers is not None else "")
            + "."
        )

    def _prune_article_viewers(self, *, now):
        try:
            from news.services import article_viewers_prune
        except ImportError:  # the news app keeps no per-viewer records
            return None
        try:
            with transaction.atomic():
                return article_viewers_prune(older_than=conf.activity_retention(), now=now)
        except DatabaseError as exc:  # e.g. the news tables are not migrated yet
            self.stderr.write(f"Không xóa được người xem bài viết: {exc}")
            return None
