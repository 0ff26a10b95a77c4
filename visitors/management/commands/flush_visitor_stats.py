"""``manage.py flush_visitor_stats``: move the Redis day counters into the database.

Only useful when Redis records the statistics (REDIS_URL set). Readers already add the
unflushed counters, so the numbers shown do not change; flushing makes them durable. Run it
every minute (the durability window: at most a minute of counts lives only in Redis):
    * * * * * cd /srv/portal && .venv/bin/python manage.py flush_visitor_stats -v 0
"""

from django.core.management.base import BaseCommand, CommandError

from visitors import conf
from visitors.services import stats_flush


class Command(BaseCommand):
    help = "Chuyển số liệu truy cập đang giữ trong Redis vào cơ sở dữ liệu (chạy lại an toàn)."

    def handle(self, *args, **options):
        if not conf.use_redis():
            self.stdout.write("Không dùng Redis cho thống kê truy cập: không có gì để chuyển.")
            return
        try:
            moved = stats_flush()
        except Exception as exc:
            raise CommandError(f"Không chuyển được số liệu từ Redis: {exc}") from exc
        self.stdout.write(f"Đã chuyển {moved} lô số liệu vào cơ sở dữ liệu.")
