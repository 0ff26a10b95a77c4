"""``manage.py prune_article_viewers``: forget who viewed which article, after a day."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from news.services import article_viewers_prune


class Command(BaseCommand):
    help = "Xóa dữ liệu chống đếm trùng lượt xem bài viết cũ hơn số giờ cho trước (mặc định 24)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        deleted = article_viewers_prune(older_than=timedelta(hours=max(hours, 1)))
        self.stdout.write(f"Đã xóa {deleted} bản ghi lượt xem cũ.")
