"""``manage.py prune_visitor_activity``: forget per-visitor data that is no longer needed.

The de-duplication rows of article views belong to the news app and are pruned by its own
``prune_article_viewers`` (scheduled beside this one).

Schedule it hourly, e.g. in cron:
    17 * * * * cd /srv/portal && .venv/bin/python manage.py prune_visitor_activity -v 0
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from visitors.services import activity_prune


class Command(BaseCommand):
    help = (
        "Xóa dữ liệu theo từng khách đã cũ (hoạt động quá một ngày, muối quá hai ngày). "
        "Số liệu tổng hợp theo ngày được giữ lại."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        activities, salts = activity_prune(now=now)
        self.stdout.write(f"Đã xóa {activities} bản ghi hoạt động, {salts} muối.")
