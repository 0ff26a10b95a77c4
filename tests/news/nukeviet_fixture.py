"""A NukeViet 4.5-shaped news database on the real MariaDB, and its ``uploads/`` folder.

The tables come from NukeViet's own definitions (``fixtures/nukeviet45_news_tables.sql``);
the rows are what the department's site holds: the seed article with 701 views, an article
with a PDF and a DOCX attached in a sub-category, an unpublished row and a few hundred
ordinary articles.
"""

import io
import os
import secrets
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image

SCHEMA = Path(__file__).parent / "fixtures" / "nukeviet45_news_tables.sql"
SERVER_URL = os.environ.get("NUKEVIET_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306")
DB_PREFIX = os.environ.get("NUKEVIET_TEST_DB_PREFIX", "test_nukeviet_")
TABLE = "nv4_vi_news"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")

SEED_ID = 2950
SEED_TITLE = (
    "Sở Khoa học và Công nghệ tổ chức Hội nghị sơ kết công tác xây dựng và nhân rộng điển "
    "hình tiên tiến giai đoạn 2015-2020"
)
SEED_ALIAS = (
    "So-Khoa-hoc-va-Cong-nghe-to-chuc-Hoi-nghi-so-ket-cong-tac-xay-dung-va-nhan-rong-"
    "dien-hinh-tien-tien-giai-doan-2015-2020"
)
SEED_PUBLISHED = datetime(2020, 9, 8, 8, 30, tzinfo=HCM)
FILES_ID = 3313
FILES_ALIAS = (
    "So-Khoa-hoc-va-Cong-nghe-tinh-Cao-Bang-Tong-ket-cong-tac-nam-2020-va-trien-khai-"
    "nhiem-vu-cong-tac-nam-2021"
)
UNPUBLISHED_ID = 3400
FORGED_ID = 3401  # a ".docx" that is an HTML page
FILLER_FIRST, FILLER_COUNT = 4000, 300
FILLER_UNPUBLISHED = {4010, 4111, 4222}  # status 0 (chờ duyệt) and 2 (chờ đăng) rows
PUBLISHED_TOTAL = 3 + FILLER_COUNT - len(FILLER_UNPUBLISHED)

CATEGORIES = [
    # catid, parentid, title, alias, sort
    (1, 0, "Tin hoạt động", "Tin-hoat-dong", 1),
    (2, 0, "Khoa học công nghệ", "Khoa-hoc-cong-nghe", 2),
    (3, 2, "Chuyển đổi số", "Chuyen-doi-so", 3),
]


def server_options():
    from news.nukeviet import parse_database_url

    options = parse_database_url(SERVER_URL.rstrip("/") + "/mysql")
    options.pop("database")
    return options


def png_bytes(colour=(200, 30, 30), size=(120, 80)):
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, format="PNG")
    return output.getvalue()


def docx_bytes(text="Mẫu đơn đăng ký"):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>{text}</w:t>'
            "</w:r></w:p></w:body></w:document>",
        )
    return output.getvalue()


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_uploads(root):
    """NukeViet's ``uploads/`` folder: module files live under ``uploads/news/``."""
    news = Path(root) / "news"
    (news / "2020_09").mkdir(parents=True)
    (news / "2021_01").mkdir(parents=True)
    (news / "2020_09" / "hoi-nghi.png").write_bytes(png_bytes((11, 79, 138)))
    (news / "2020_09" / "trong-bai.png").write_bytes(png_bytes((30, 160, 60)))
    (news / "2021_01" / "ke-hoach-2021.pdf").write_bytes(PDF_BYTES)
    (news / "2021_01" / "mau-don.docx").write_bytes(docx_bytes())
    (news / "2021_01" / "gia-mao.docx").write_bytes(b"<html><script>alert(1)</script></html>")
    return Path(root)


def _row(nukeviet_id, catid, title, alias, *, status=1, publtime=0, hits=0, **extra):
    row = {
        "id": nukeviet_id,
        "catid": catid,
        "listcatid": str(catid),
        "author": "",
        "sourceid": 0,
        "addtime": publtime,
        "edittime": publtime,
        "status": status,
        "publtime": publtime,
        "title": title,
        "alias": alias,
        "hometext": "",
        "homeimgfile": "",
        "homeimgalt": "",
        "homeimgthumb": 0,
        "hitstotal": hits,
        "instant_template": "",
    }
    row.update(extra)
    return row


def rows():
    seed_time = int(SEED_PUBLISHED.timestamp())
    articles = [
        (
            _row(
                SEED_ID,
                1,
                SEED_TITLE,
                SEED_ALIAS,
                publtime=seed_time,
                hits=701,
                author="HN",
                sourceid=1,
                hometext="Sáng 08/9, Sở Khoa học và Công nghệ tổ chức Hội nghị sơ kết.",
                homeimgfile="2020_09/hoi-nghi.png",
                homeimgalt="Quang cảnh hội nghị",
                homeimgthumb=1,
            ),
            {
                "bodyhtml": (
                    '<p onclick="steal()">Hội nghị đánh giá giai đoạn 2015-2020.</p>'
                    '<p><img src="/uploads/news/2020_09/trong-bai.png" alt="Đại biểu"></p>'
                    "<script>alert('xss')</script>"
                    '<p><a href="/uploads/news/2021_01/ke-hoach-2021.pdf">Kế hoạch</a></p>'
                ),
                "files": "",
            },
        ),
        (
            _row(
                FILES_ID,
                3,
                "Sở Khoa học và Công nghệ tỉnh Cao Bằng tổng kết công tác năm 2020",
                FILES_ALIAS,
                publtime=int(datetime(2021, 1, 15, 15, 0, tzinfo=HCM).timestamp()),
                hits=1234,
                author="Văn phòng Sở",
            ),
            {
                "bodyhtml": (
                    "<p>Tổng kết năm 2020, triển khai nhiệm vụ năm 2021.</p>"
                    '<img src="https://sokhcn.caobang.gov.vn/uploads/news/2020_09/hoi-nghi.png">'
                    '<img src="https://other.example/uploads/news/2020_09/hoi-nghi.png">'
                ),
                "files": "2021_01/ke-hoach-2021.pdf,2021_01/mau-don.docx",
            },
        ),
        (
            _row(UNPUBLISHED_ID, 1, "Bài đang chờ duyệt", "Bai-dang-cho-duyet", status=0),
            {"bodyhtml": "<p>Chưa đăng.</p>", "files": ""},
        ),
        (
            _row(
                FORGED_ID,
                1,
                "Thông báo có tệp giả mạo&#33;",  # NukeViet stores titles HTML-escaped
                "Thong-bao-co-tep-gia-mao",
                publtime=int(datetime(2021, 2, 1, 9, 0, tzinfo=HCM).timestamp()),
            ),
            {"bodyhtml": "<p>Thông báo.</p>", "files": "2021_01/gia-mao.docx"},
        ),
    ]
    start = int(datetime(2019, 1, 1, 8, 0, tzinfo=HCM).timestamp())
    for number in range(FILLER_COUNT):
        nukeviet_id = FILLER_FIRST + number
        status = 1
        if nukeviet_id in FILLER_UNPUBLISHED:
            status = 2 if nukeviet_id % 2 else 0
        articles.append(
            (
                _row(
                    nukeviet_id,
                    1 + number % 3,
                    f"Tin hoạt động số {number + 1} của Sở",
                    f"Tin-hoat-dong-so-{number + 1}-cua-So",
                    status=status,
                    publtime=start + number * 86400,
                    hits=number * 3,
                    hometext=f"Tóm tắt tin số {number + 1}.",
                ),
                {"bodyhtml": f"<p>Nội dung tin số {number + 1}.</p>", "files": ""},
            )
        )
    return articles


def create_database(connection):
    """A new NukeViet-shaped database on the server; returns its name."""
    name = f"{DB_PREFIX}{os.getpid()}_{secrets.token_hex(3)}"
    schema = SCHEMA.read_text(encoding="utf-8").replace("{table}", TABLE)
    statements = [s for s in schema.split(";\n") if "CREATE TABLE" in s]
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        cursor.execute(f"USE `{name}`")
        for statement in statements:
            cursor.execute(statement[statement.index("CREATE TABLE") :])
        cursor.executemany(
            f"INSERT INTO {TABLE}_cat (catid, parentid, title, alias, sort, weight) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [(*c, c[4]) for c in CATEGORIES],
        )
        cursor.execute(
            f"INSERT INTO {TABLE}_sources (sourceid, title, link, add_time, edit_time) "
            "VALUES (1, 'Báo Cao Bằng', 'https://baocaobang.vn', 0, 0)"
        )
        for row, detail in rows():
            columns = ", ".join(row)
            marks = ", ".join(["%s"] * len(row))
            cursor.execute(
                f"INSERT INTO {TABLE}_rows ({columns}) VALUES ({marks})", list(row.values())
            )
            cursor.execute(
                f"INSERT INTO {TABLE}_detail (id, description, bodyhtml, files) "
                "VALUES (%s, '', %s, %s)",
                (row["id"], detail["bodyhtml"], detail["files"]),
            )
    connection.commit()
    return name
