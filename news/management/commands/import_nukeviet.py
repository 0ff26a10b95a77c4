"""``manage.py import_nukeviet``: bring the news of a NukeViet 4.x site over (see
``news.nukeviet`` for what is read, the transactions and why a second run is harmless)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news.nukeviet import Importer, ImportRefused, NukeVietReader, connect

MAX_LISTED_IDS = 20


def _plain(text):
    """Progress is not an error: no red on a terminal."""
    return text


class Command(BaseCommand):
    help = (
        "Nhập chuyên mục, bài viết đã đăng, ảnh và tệp đính kèm từ cơ sở dữ liệu NukeViet 4.x "
        "(MariaDB/MySQL) và thư mục uploads của trang cũ. Chạy lại nhiều lần không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database",
            required=True,
            help="Địa chỉ cơ sở dữ liệu NukeViet: mysql://người_dùng:mật_khẩu@máy:3306/tên_csdl",
        )
        parser.add_argument("--prefix", default="nv4", help="Tiền tố bảng (mặc định nv4).")
        parser.add_argument("--lang", default="vi", help="Ngôn ngữ dữ liệu (mặc định vi).")
        parser.add_argument("--module", default="news", help="Tên module tin tức (mặc định news).")
        parser.add_argument("--uploads", help="Thư mục uploads của trang NukeViet (chứa news/…).")
        parser.add_argument(
            "--old-host",
            action="append",
            default=[],
            help=(
                "Tên miền cũ (lặp lại được): ảnh trong bài dạng "
                "https://tên-miền-cũ/uploads/… cũng được chép."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ in ra việc sẽ làm, không ghi gì."
        )

    def handle(self, *args, **options):
        uploads = options["uploads"]
        if uploads and not Path(uploads).is_dir():
            raise CommandError(f"Không tìm thấy thư mục uploads: {uploads}")
        self.verbosity = options["verbosity"]
        try:
            connection = connect(options["database"])
        except ImportRefused as exc:
            raise CommandError(str(exc)) from exc
        try:
            reader = NukeVietReader(
                connection, prefix=options["prefix"], lang=options["lang"], module=options["module"]
            )
            importer = Importer(
                reader,
                uploads_root=uploads,
                dry_run=options["dry_run"],
                old_hosts=options["old_host"],
                say=self.stdout.write if self.verbosity else None,
            )
            if not uploads:
                self.stderr.write(
                    "Không có --uploads: ảnh và tệp đính kèm sẽ không được chép.",
                    self.style.WARNING,
                )
            report = importer.run(progress=self.progress if self.verbosity else None)
        except ImportRefused as exc:
            raise CommandError(str(exc)) from exc
        finally:
            connection.close()
        self.summary(report, dry_run=options["dry_run"])

    def progress(self, done, total):
        """A bar on a terminal; a line every tenth of the way in a log."""
        total = max(total, done, 1)
        if sys.stderr.isatty():
            filled = 30 * done // total
            bar = "#" * filled + "-" * (30 - filled)
            self.stderr.write(f"\rBài viết [{bar}] {done}/{total}", _plain, ending="")
            if done == total:
                self.stderr.write("", _plain)
        elif done == total or done % max(total // 10, 1) == 0:
            self.stderr.write(f"Bài viết: {done}/{total} ({100 * done // total}%)", _plain)

    def summary(self, report, *, dry_run):
        write = self.stdout.write
        head = "Chạy thử (không ghi gì)" if dry_run else "Đã nhập xong"
        write(f"{head}.")
        for kind, label in (("category", "Chuyên mục"), ("article", "Bài viết")):
            line = (
                f"{label}: {report.created[kind]} nhập mới, {report.updated[kind]} cập nhật, "
                f"{report.unchanged[kind]} không đổi"
            )
            if kind == "article":
                line += f", {report.skipped_total} bỏ qua"
            write(line + ".")
        if not dry_run:
            write(f"Tệp đã chép: {report.files_copied}.")
        for reason, ids in sorted(report.skipped.items()):
            shown = ", ".join(str(i) for i in ids[:MAX_LISTED_IDS])
            more = f" và {len(ids) - MAX_LISTED_IDS} bài khác" if len(ids) > MAX_LISTED_IDS else ""
            write(f"Bỏ qua {len(ids)} bài ({reason}): id {shown}{more}.")
        if report.warnings:
            write(f"Cảnh báo ({len(report.warnings)}):")
            for warning in report.warnings:
                write(f"  - {warning}")
