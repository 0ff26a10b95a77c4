"""``manage.py flush_view_counts``: write the view counts held in Redis into the database.

Only does something when REDIS_URL is set. Schedule it every minute (see the README); the
article pages show Redis's exact count in between, the admin and reports the flushed one.
"""

from django.core.management.base import BaseCommand

from news.services import view_counts_flush


class Command(BaseCommand):
    help = "Ghi số lượt xem đang giữ trong Redis vào cơ sở dữ liệu."

    def handle(self, *args, **options):
        flushed = view_counts_flush()
        if options["verbosity"]:
            self.stdout.write(f"Đã ghi lượt xem của {flushed} bài viết.")
