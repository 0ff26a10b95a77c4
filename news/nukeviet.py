"""Import of a NukeViet 4.x news module (its MariaDB/MySQL tables and ``uploads/`` folder).

Read from NukeViet 4.5's own schema (``modules/news/action_mysql.php``): the tables are
``<prefix>_<lang>_news_cat`` (catid, parentid, title, alias, sort), ``…_news_rows`` (id,
catid, author, sourceid, status, publtime, addtime, title, alias, hometext, homeimgfile,
homeimgalt, homeimgthumb, hitstotal), ``…_news_detail`` (id, bodyhtml, sourcetext, files)
and ``…_news_sources`` (sourceid, title). Times are Unix seconds; ``status = 1`` is
published. ``homeimgfile`` and each comma-separated entry of ``files`` are paths under
``uploads/news/``; bodies refer to ``/uploads/…``.

Guarantees:

- **Idempotent.** Categories and articles are found again by their NukeViet id
  (``nukeviet_id``, unique), so a second run updates them (or leaves them alone when
  nothing changed: no new history entry), never duplicates them. Our slug, chosen at the
  first import, is kept. The view count becomes the larger of ours and NukeViet's, raised
  in one statement (and in Redis), so views counted here since the first run are not
  lost. Copied files are named by the SHA-256 of their content (``news/nukeviet/…``): a
  second run finds them in place and copies nothing.
- **One transaction per article** (and one for all categories). A run over years of
  articles must not be undone by one broken row: that article is reported as skipped with
  the reason and the others go in; running again retries it. Files are written to storage
  before the article's transaction; as they are named by content, a retry reuses them.
- **Safe files.** A path is resolved inside the uploads folder (no ``..`` escape). Images
  are verified and re-encoded (``core.uploads.reencode_image``: no metadata); documents are
  checked by content (``core.documents_files.validate_attachment_file``). Anything else is
  left out, and the body link keeps its old address with a warning in the summary.
- **Dry run** reads and checks everything, writes nothing (database or files).
"""

import hashlib
import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction

from core.documents_files import (
    ATTACHMENT_EXTENSIONS,
    IMAGE_EXTENSIONS,
    attachment_max_bytes,
    validate_attachment_file,
)
from core.text import html_to_text, vietnamese_slugify
from core.uploads import reencode_image
from news.models import SLUG_MAX_LENGTH, Article, ArticleAttachment, Category
from news.sanitize import sanitize_html
from news.services import article_view_count_raise

STORAGE_PREFIX = "news/nukeviet"
# What a second run may change on an article (never its slug, status or view count).
_UPDATED_FIELDS = (
    "title", "category", "summary", "body", "image", "image_alt", "byline", "source",
    "published_at",
)  # fmt: skip
IMPORT_REASON = "Nhập từ NukeViet"
_NAME = re.compile(r"^[A-Za-z0-9_]{1,40}$")
_URL_ATTRIBUTE = re.compile(
    r"""(?P<lead>\b(?:src|href)\s*=\s*)(?P<quote>["'])(?P<url>[^"'<>]*)(?P=quote)""",
    re.IGNORECASE,
)


class ImportRefused(Exception):
    """The import cannot start; the message (Vietnamese) says why and what to check."""


@dataclass
class Report:
    """What a run did (or, in a dry run, would do)."""

    created: Counter = field(default_factory=Counter)  # "category"/"article" -> number
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped: dict = field(default_factory=lambda: defaultdict(list))  # reason -> [ids]
    warnings: list = field(default_factory=list)
    files_copied: int = 0

    def skip(self, nukeviet_id, reason):
        self.skipped[reason].append(nukeviet_id)

    def warn(self, nukeviet_id, message):
        self.warnings.append(f"bài {nukeviet_id}: {message}")

    @property
    def skipped_total(self):
        return sum(len(ids) for ids in self.skipped.values())


# --- the source database ----------------------------------------------------------------


def parse_database_url(url):
    """``mysql://user:pass@host:3306/name`` → keyword arguments of ``pymysql.connect``."""
    parts = urlsplit(url or "")
    if parts.scheme not in {"mysql", "mariadb"} or not parts.path.strip("/"):
        raise ImportRefused(
            "Địa chỉ cơ sở dữ liệu không hợp lệ: cần dạng mysql://người_dùng:mật_khẩu@máy:3306/tên_csdl."
        )
    try:
        port = parts.port or 3306
    except ValueError as exc:
        raise ImportRefused("Cổng (port) trong địa chỉ cơ sở dữ liệu không hợp lệ.") from exc
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": port,
        "user": unquote(parts.username or "root"),
        "password": unquote(parts.password or ""),
        "database": unquote(parts.path.strip("/")),
    }


def connect(url):
    """An open PyMySQL connection to the NukeViet database, or ``ImportRefused``."""
    import pymysql
    import pymysql.cursors

    options = parse_database_url(url)
    try:
        return pymysql.connect(
            **options,
            charset="utf8mb4",
            connect_timeout=10,
            read_timeout=300,
            cursorclass=pymysql.cursors.DictCursor,
        )
    except pymysql.MySQLError as exc:
        raise ImportRefused(
            "Không kết nối được cơ sở dữ liệu NukeViet tại "
            f"{options['host']}:{options['port']}/{options['database']} ({exc.args[-1]}). "
            "Kiểm tra máy chủ, tên người dùng, mật khẩu và tên cơ sở dữ liệu."
        ) from exc


class NukeVietReader:
    """Reads the news module's tables of one language."""

    def __init__(self, connection, *, prefix, lang, module="news"):
        for label, value in (("--prefix", prefix), ("--lang", lang), ("module", module)):
            if not _NAME.match(value or ""):
                raise ImportRefused(
                    f"Giá trị {label} không hợp lệ: chỉ gồm chữ không dấu, số và dấu gạch dưới."
                )
        self.connection = connection
        self.base = f"{prefix}_{lang}_{module}"

    def table(self, name):
        return f"`{self.base}_{name}`"

    def _query(self, sql, args=None):
        import pymysql

        try:
            with self.connection.cursor() as cursor:
                cursor.execute(sql, args)
                return cursor.fetchall()
        except pymysql.err.ProgrammingError as exc:
            if exc.args and exc.args[0] == 1146:  # ER_NO_SUCH_TABLE
                raise ImportRefused(
                    f"Không tìm thấy bảng {self.base}_… trong cơ sở dữ liệu NukeViet "
                    f"({exc.args[-1]}). Kiểm tra --prefix (ví dụ nv4) và --lang (ví dụ vi)."
                ) from exc
            raise
        except pymysql.MySQLError as exc:
            raise ImportRefused(f"Lỗi khi đọc cơ sở dữ liệu NukeViet: {exc.args[-1]}") from exc

    def categories(self):
        return self._query(f"SELECT * FROM {self.table('cat')} ORDER BY catid")  # noqa: S608

    def article_count(self):
        return self._query(f"SELECT COUNT(*) AS n FROM {self.table('rows')}")[0]["n"]  # noqa: S608

    def articles(self, batch=200):
        """Every row with its detail and source title, by id, ``batch`` rows at a time."""
        last_id = 0
        while True:
            rows = self._query(
                f"SELECT r.*, d.bodyhtml, d.sourcetext, d.files, s.title AS source_title "  # noqa: S608
                f"FROM {self.table('rows')} r "
                f"LEFT JOIN {self.table('detail')} d ON d.id = r.id "
                f"LEFT JOIN {self.table('sources')} s ON s.sourceid = r.sourceid "
                "WHERE r.id > %s ORDER BY r.id LIMIT %s",
                (last_id, batch),
            )
            if not rows:
                return
            yield from rows
            last_id = rows[-1]["id"]


# --- files --------------------------------------------------------------------------------


class UploadsFolder:
    """NukeViet's ``uploads/`` folder, and the copying of its files into our media."""

    def __init__(self, root, *, dry_run, report):
        self.root = Path(root).resolve() if root else None
        self.dry_run = dry_run
        self.report = report
        self._stored = {}  # source path -> our storage name (or None when refused)

    def resolve(self, relative):
        """The file at ``relative`` (under ``uploads/``), or None if absent or outside."""
        if self.root is None or not relative:
            return None
        candidate = (self.root / unquote(relative).lstrip("/")).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            return None
        return candidate

    def store(self, relative, *, nukeviet_id, kinds=("image", "document")):
        """Copy ``uploads/<relative>`` into our media; its storage name, or None (warned)."""
        path = self.resolve(relative)
        if path is None:
            self.report.warn(nukeviet_id, f"không tìm thấy tệp uploads/{relative}")
            return None
        if path in self._stored:
            return self._stored[path]
        extension = path.suffix.lower().lstrip(".")
        kind = (
            "image"
            if extension in IMAGE_EXTENSIONS
            else "document"
            if extension in ATTACHMENT_EXTENSIONS
            else None
        )
        name = None
        if kind not in kinds:
            self.report.warn(nukeviet_id, f"bỏ qua tệp uploads/{relative} (loại tệp không nhận)")
        else:
            try:
                name = self._copy(path, kind, extension)
            except ValidationError as exc:
                reason = exc.messages[0]
                self.report.warn(nukeviet_id, f"tệp uploads/{relative} bị từ chối: {reason}")
        self._stored[path] = name
        return name

    def _copy(self, path, kind, extension):
        limit = settings.UPLOAD_IMAGE_MAX_BYTES if kind == "image" else attachment_max_bytes()
        if path.stat().st_size > limit:  # before reading a file of any size into memory
            raise ValidationError(
                "Tệp quá lớn (tối đa %(mb)s MB).", params={"mb": limit // (1024 * 1024)}
            )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            if kind == "image":
                clean = reencode_image(upload, name_prefix="nukeviet")
                extension = clean.name.rsplit(".", 1)[-1]
                content = clean
            else:
                validate_attachment_file(upload)
                content = File(handle, name=path.name)
            name = f"{STORAGE_PREFIX}/{digest[:2]}/{digest[:32]}.{extension}"
            if not self.dry_run and not default_storage.exists(name):
                content.seek(0)
                saved = default_storage.save(name, content)
                assert saved == name, (saved, name)  # noqa: S101 - a storage that renames
                self.report.files_copied += 1
        return name


def _uploads_path(url, old_hosts):
    """The path under ``uploads/`` that ``url`` (from a NukeViet body) points to, or None."""
    url = html.unescape(url).strip()
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if parts.scheme not in {"http", "https", ""} or (parts.hostname or "") not in old_hosts:
            return None
    path = parts.path
    for lead in ("/uploads/", "uploads/"):
        if path.startswith(lead):
            return path[len(lead) :]
    return None


def rewrite_body(body, *, uploads, old_hosts, nukeviet_id):
    """``body`` with every ``/uploads/…`` image or file copied and pointed at ``/media/``."""

    def replace(match):
        relative = _uploads_path(match["url"], old_hosts)
        if relative is None:
            return match.group(0)
        name = uploads.store(relative, nukeviet_id=nukeviet_id)
        if name is None:
            return match.group(0)
        return f"{match['lead']}{match['quote']}{default_storage.url(name)}{match['quote']}"

    return _URL_ATTRIBUTE.sub(replace, body or "")


# --- the import ---------------------------------------------------------------------------


def _text(value, limit=None):
    value = html.unescape(str(value or "")).strip()
    return value[:limit] if limit else value


def _published_at(row):
    seconds = int(row.get("publtime") or 0) or int(row.get("addtime") or 0)
    return datetime.fromtimestamp(seconds, tz=UTC)


def _is_url(value):
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", value or "", re.IGNORECASE))


class Importer:
    """One run of the import. ``say`` receives a line per item in a dry run."""

    def __init__(self, reader, *, uploads_root, dry_run=False, old_hosts=(), say=None):
        self.reader = reader
        self.dry_run = dry_run
        self.report = Report()
        self.uploads = UploadsFolder(uploads_root, dry_run=dry_run, report=self.report)
        self.old_hosts = {host.lower() for host in old_hosts}
        self.say = say or (lambda line: None)
        self.categories = {}  # NukeViet catid -> Category (None in a dry run)

    def run(self, progress=None):
        self.import_categories()
        total = self.reader.article_count()
        for done, row in enumerate(self.reader.articles(), start=1):
            self.import_article(row)
            if progress:
                progress(done, total)
        return self.report

    # categories

    def import_categories(self):
        rows = self.reader.categories()
        existing = {c.nukeviet_id: c for c in Category.objects.filter(nukeviet_id__isnull=False)}
        if self.dry_run:
            for row in rows:
                action = "cập nhật" if row["catid"] in existing else "nhập mới"
                self.say(f"Chuyên mục {row['catid']} «{_text(row['title'])}»: sẽ {action}")
                bucket = self.report.updated if row["catid"] in existing else self.report.created
                bucket["category"] += 1
            return
        with transaction.atomic():
            for row in rows:
                self.categories[row["catid"]] = self._upsert_category(row, existing)
            for row in rows:
                category = self.categories[row["catid"]]
                parent = self.categories.get(row.get("parentid") or 0)
                if parent is not None and category in {parent, *parent.get_ancestors()}:
                    parent = None  # a broken tree on the old site: no cycle here
                if category.parent_id != (parent.pk if parent else None):
                    category.parent = parent
                    category.save(update_fields=["parent"])

    def _upsert_category(self, row, existing):
        values = {
            "name": _text(row["title"], 150) or f"Chuyên mục {row['catid']}",
            "order": max(0, min(int(row.get("sort") or row.get("weight") or 0), 32767)),
            "nukeviet_alias": _text(row.get("alias"), 250),
        }
        category = existing.get(row["catid"])
        if category is None:
            base = vietnamese_slugify(values["nukeviet_alias"] or values["name"], 150)
            slug, number = base or "chuyen-muc", 2
            while Category.objects.filter(slug=slug).exists():
                slug, number = f"{base}-{number}", number + 1
            self.report.created["category"] += 1
            return Category.objects.create(slug=slug, nukeviet_id=row["catid"], **values)
        if all(getattr(category, key) == value for key, value in values.items()):
            self.report.unchanged["category"] += 1
            return category
        for key, value in values.items():
            setattr(category, key, value)
        category.save()
        self.report.updated["category"] += 1
        return category

    # articles

    def import_article(self, row):
        nukeviet_id = row["id"]
        if int(row.get("status") or 0) != 1:
            self.report.skip(nukeviet_id, f"chưa đăng trên NukeViet (status = {row.get('status')})")
            return
        title = _text(row.get("title"), 255)
        if not title:
            self.report.skip(nukeviet_id, "không có tiêu đề")
            return
        article = Article.objects.filter(nukeviet_id=nukeviet_id).first()
        try:
            values, attachments = self._values(row, title)
            if self.dry_run:
                action = "cập nhật" if article else "nhập mới"
                self.say(f"Bài {nukeviet_id} «{title}»: sẽ {action}")
                (self.report.updated if article else self.report.created)["article"] += 1
                return
            with transaction.atomic():
                self._save(article, row, values, attachments)
        except Exception as exc:  # one broken row must not stop years of others
            self.report.skip(nukeviet_id, f"lỗi khi nhập: {exc}")

    def _values(self, row, title):
        nukeviet_id = row["id"]
        body = rewrite_body(
            row.get("bodyhtml") or "",
            uploads=self.uploads,
            old_hosts=self.old_hosts,
            nukeviet_id=nukeviet_id,
        )
        image_name = ""
        home_image = _text(row.get("homeimgfile"))
        if home_image and (_is_url(home_image) or int(row.get("homeimgthumb") or 0) == 3):
            self.report.warn(nukeviet_id, "ảnh đại diện là liên kết ngoài, không nhập")
        elif home_image:
            image_name = (
                self.uploads.store(f"news/{home_image}", nukeviet_id=nukeviet_id, kinds=("image",))
                or ""
            )
        attachments = []
        for order, entry in enumerate(filter(None, (row.get("files") or "").split(","))):
            entry = entry.strip()
            if _is_url(entry):
                self.report.warn(nukeviet_id, f"tệp đính kèm là liên kết ngoài: {entry}")
                continue
            name = self.uploads.store(f"news/{entry}", nukeviet_id=nukeviet_id, kinds=("document",))
            if name:
                attachments.append((order, entry.rsplit("/", 1)[-1][:255], name))
        category = self.categories.get(row.get("catid") or 0)
        values = {
            "title": title,
            "category_id": category.pk if category else None,
            "summary": html_to_text(_text(row.get("hometext"))),
            "body": body,
            "image": image_name,
            "image_alt": _text(row.get("homeimgalt"), 255),
            "byline": _text(row.get("author"), 100),
            "source": _text(row.get("source_title") or row.get("sourcetext"), 255),
            "published_at": _published_at(row),
        }
        return values, attachments

    def _save(self, article, row, values, attachments):
        hits = int(row.get("hitstotal") or 0)
        if article is None:
            article = Article(nukeviet_id=row["id"], status=Article.Status.PUBLISHED)
            article.slug = article._unique_slug(
                vietnamese_slugify(_text(row.get("alias")) or values["title"], SLUG_MAX_LENGTH)
            )
            created = True
        else:
            created = False
        changed = created or self._differs(article, values)
        if changed:
            for key, value in values.items():
                setattr(article, key, value)
            article._change_reason = IMPORT_REASON
            if created:
                article.view_count = hits
                article.save()
            else:
                # The view count is left out: views counted here meanwhile must stay.
                article.save(update_fields=[*_UPDATED_FIELDS])
        if not created and hits > article.view_count:
            article_view_count_raise(article=article, at_least=hits)
            changed = True
        have = set(article.attachments.values_list("file", flat=True)) if not created else set()
        for order, title, name in attachments:
            if name not in have:
                ArticleAttachment.objects.create(
                    article=article, title=title, file=name, order=order
                )
                changed = True
        if created:
            self.report.created["article"] += 1
        elif changed:
            self.report.updated["article"] += 1
        else:
            self.report.unchanged["article"] += 1

    def _differs(self, article, values):
        for key, value in values.items():
            current = getattr(article, key)
            if key == "body":
                value = sanitize_html(value)
            if key == "image":
                current = current.name or ""
            if current != value:
                return True
        return False
