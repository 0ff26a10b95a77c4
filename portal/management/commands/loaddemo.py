"""``manage.py loaddemo``: the one entry point for demo content.

Each app contributes its part through its ``demo.load()``; every part is idempotent, so a
second run changes nothing and creates no duplicates.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: awards and banners may refer to news content and users.
DEMO_MODULES = [
    "portal.demo",
    "agency.demo",
    "news.demo",
    "awards.demo",
    "banners.demo",
    "visitors.demo",
]


class Command(BaseCommand):
    help = "Tải nội dung mẫu (tin tức, điển hình tiên tiến, quảng cáo). Chạy lại không tạo trùng."

    def handle(self, *args, **options):
        for module_name in DEMO_MODULES:
            module = import_module(module_name)
            with transaction.atomic():
                module.load(stdout=self.stdout)
            self.stdout.write(f"{module_name}: xong")
        self.stdout.write(self.style.SUCCESS("Đã tải nội dung mẫu."))
