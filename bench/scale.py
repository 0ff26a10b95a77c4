"""`make bench-scale`: the portal with a large archive, each page kind rendered and timed.

Creates SCALE_ARTICLES articles (default 100 000) in a fresh PostgreSQL database
(``wt_scale_bench``, dropped and created; SCALE_DATABASE to change the name) with
Vietnamese titles, summaries and bodies built from word lists, then renders each kind of
page in this process through Django's test client with the page cache off
(``PAGE_CACHE_SECONDS = 0``), as the first reader after a change would get it. Each page is
requested SCALE_RUNS times (default 5) after one unmeasured request; the table gives the
median time in the server (the whole Django request, middleware included) and the median
time spent in the database, with the number of queries.

Articles are written with ``bulk_create`` in batches, ``search_text`` filled by
``news.search.article_search_text`` as ``Article.save()`` does (PostgreSQL computes the
indexed ``search_vector`` from it); then the table is vacuumed and analysed, as autovacuum
would do after such a load. SCALE_REUSE=1 keeps a database that already holds the articles.

Targets (issue #14): every page ≤ 150 ms, search ≤ 100 ms, list pages ≤ 30 ms of database
time at 100 000 articles. The article admin's changelist (issue #17: first page, a search,
a filter, a date-hierarchy year and month), signed in as a superuser: ≤ 300 ms.
"""

import os
import platform
import random
import secrets
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = int(os.environ.get("SCALE_ARTICLES", "100000"))
DATABASE = os.environ.get("SCALE_DATABASE", "wt_scale_bench")
RUNS = int(os.environ.get("SCALE_RUNS", "5"))
REUSE = os.environ.get("SCALE_REUSE") == "1"
BATCH = 2000
DB_TARGET = 30  # ms of database time for a list page at any depth
ADMIN_TARGET = 300  # ms for a page of the article admin's changelist
SEED = 20261129

# A word found in about one article in 2 000 (the "rare word" search).
RARE = "Pác Bó"
COMMON_QUERY = "khoa học"
NO_HITS_QUERY = "vũ trụ thiên hà"

SUBJECTS = [
    "Sở Khoa học và Công nghệ",
    "UBND tỉnh Cao Bằng",
    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    "Trung tâm Ứng dụng tiến bộ khoa học",
    "Hội đồng Thi đua - Khen thưởng",
    "Đoàn công tác",
    "Phòng Quản lý khoa học",
    "Thanh tra Sở",
    "Huyện Hà Quảng",
    "Huyện Trùng Khánh",
    "Thành phố Cao Bằng",
    "Huyện Bảo Lạc",
    "Hợp tác xã nông nghiệp",
    "Doanh nghiệp khởi nghiệp",
]
ACTIONS = [
    "tổ chức hội nghị",
    "triển khai kế hoạch",
    "nghiệm thu đề tài",
    "kiểm tra việc thực hiện",
    "tập huấn về",
    "sơ kết công tác",
    "tổng kết",
    "phát động phong trào",
    "ký kết hợp tác về",
    "đánh giá kết quả",
    "hướng dẫn",
    "làm việc về",
    "trao quyết định",
    "tuyên truyền về",
]
TOPICS = [
    "chuyển đổi số",
    "khoa học và công nghệ",
    "đổi mới sáng tạo",
    "sở hữu trí tuệ",
    "tiêu chuẩn đo lường chất lượng",
    "điển hình tiên tiến",
    "ứng dụng công nghệ sinh học",
    "an toàn bức xạ",
    "nhãn hiệu chứng nhận hạt dẻ Trùng Khánh",
    "thị trường công nghệ",
    "đề tài cấp tỉnh",
    "mã số mã vạch",
    "năng suất chất lượng",
    "khởi nghiệp",
    "thi đua khen thưởng",
    "chữ ký số",
    "cơ sở dữ liệu",
    "giống lúa mới",
    "chè Shan tuyết",
]
TAILS = [
    "năm 2024",
    "năm 2025",
    "giai đoạn 2021-2025",
    "quý III",
    "6 tháng đầu năm",
    "tại các xã vùng cao",
    "trên địa bàn tỉnh",
    "cho cán bộ cơ sở",
    "lần thứ nhất",
    "",
]
SENTENCE_WORDS = (
    "cán bộ công chức viên chức người dân doanh nghiệp hợp tác xã nông dân giáo viên học sinh "
    "kỹ sư nhà khoa học đề tài dự án nhiệm vụ kết quả sản phẩm mô hình quy trình kỹ thuật "
    "ứng dụng triển khai nhân rộng hiệu quả kinh tế xã hội chất lượng năng suất thị trường "
    "sản xuất chế biến bảo quản tiêu thụ đánh giá nghiệm thu chuyển giao tập huấn hướng dẫn "
    "tỉnh huyện xã thôn bản vùng cao biên giới miền núi đồng bào dân tộc Tày Nùng Mông Dao "
    "khoa học công nghệ đổi mới sáng tạo chuyển đổi số dữ liệu phần mềm hệ thống thông tin "
    "tiêu chuẩn đo lường quy chuẩn an toàn bức xạ sở hữu trí tuệ nhãn hiệu chỉ dẫn địa lý "
    "thi đua khen thưởng điển hình tiên tiến phong trào gương người tốt việc tốt tập thể cá nhân "
    "năm nay tiếp tục tăng cường phối hợp chặt chẽ thực hiện đúng tiến độ đạt được nhiều "
    "đồng chí phát biểu chỉ đạo đề nghị các đơn vị quan tâm khắc phục khó khăn hạn chế"
).split()
CATEGORIES = [
    ("Tin hoạt động", "tin-hoat-dong"), ("Chuyển đổi số", "chuyen-doi-so"),
    ("Khoa học - Công nghệ", "khoa-hoc-cong-nghe"),
    ("Thi đua - Khen thưởng", "thi-dua-khen-thuong"),
    ("Tiêu chuẩn - Đo lường", "tieu-chuan-do-luong"), ("Sở hữu trí tuệ", "so-huu-tri-tue"),
    ("Thông báo", "thong-bao"), ("Tin địa phương", "tin-dia-phuong"),
]  # fmt: skip


def log(message):
    print(f"[bench-scale] {message}", flush=True)


def sentence(rng, low=12, high=24):
    words = rng.choices(SENTENCE_WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def title_of(rng):
    return " ".join(
        part for part in (rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(TOPICS),
                          rng.choice(TAILS)) if part
    )  # fmt: skip


def body_of(rng, rare):
    paragraphs = []
    for _ in range(rng.randint(4, 7)):
        text = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(f"<p>{text}</p>")
    if rare:
        paragraphs.insert(1, f"<p>Đoàn đã đến thăm Khu di tích quốc gia đặc biệt {RARE}.</p>")
    if rng.random() < 0.3:
        paragraphs.insert(2, f"<h2>{rng.choice(TOPICS).capitalize()}</h2>")
    return "\n".join(paragraphs)


def prepare_database():
    subprocess.run(["bash", str(ROOT / "scripts" / "ensure-services.sh")], check=True)
    os.environ["DATABASE_URL"] = f"postgres://root@127.0.0.1:5432/{DATABASE}"
    if REUSE:
        exists = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "root", "-d", DATABASE, "-Atc", "SELECT 1"],
            capture_output=True,
        )
        if exists.returncode == 0:
            return False
    log(f"creating the database {DATABASE}")
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "root", "--if-exists", "--force", DATABASE], check=True
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "root", DATABASE], check=True)
    return True


def build_articles(count, categories, now=None, seed=SEED, start=1):
    """``count`` unsaved articles as ``Article.save()`` would store them (search text
    folded by the same function): about 1 % drafts, 0.5 % scheduled, the rest published
    over ten years, one in 2 000 naming the rare place."""
    from django.utils import timezone

    from core.text import vietnamese_slugify
    from news.models import Article
    from news.search import article_search_text

    rng = random.Random(seed)
    now = now or timezone.now()
    span = timedelta(days=3650).total_seconds()
    for number in range(start, start + count):
        title = title_of(rng)
        summary = sentence(rng, 20, 35)
        body = body_of(rng, rare=rng.random() < 1 / 2000)
        roll = rng.random()
        if roll < 0.01:
            status, published_at = Article.Status.DRAFT, now - timedelta(days=rng.random() * 30)
        elif roll < 0.015:
            status, published_at = Article.Status.PUBLISHED, now + timedelta(days=rng.random() * 30)
        else:
            status = Article.Status.PUBLISHED
            published_at = now - timedelta(seconds=rng.random() * span)
        yield Article(
            title=title,
            slug=f"{vietnamese_slugify(title, max_length=180)}-{number}",
            category=rng.choice(categories),
            summary=summary,
            body=body,
            status=status,
            published_at=published_at,
            is_featured=rng.random() < 0.01,
            view_count=rng.randint(0, 5000),
            search_text=article_search_text(title, summary, body),
        )


def make_categories():
    from news.models import Category

    return [
        Category.objects.create(name=name, slug=slug, order=n)
        for n, (name, slug) in enumerate(CATEGORIES)
    ]


def load_articles():
    from django.db import connection, transaction

    from news.models import Article

    categories = make_categories()
    started = time.monotonic()
    batch = []
    for number, article in enumerate(build_articles(ARTICLES, categories), start=1):
        batch.append(article)
        if len(batch) >= BATCH or number == ARTICLES:
            with transaction.atomic():
                Article.objects.bulk_create(batch)
            batch = []
            if number % 20000 == 0 or number == ARTICLES:
                log(f"{number} articles ({time.monotonic() - started:.0f} s)")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE news_article")
    log(f"loaded and analysed in {time.monotonic() - started:.0f} s")


class QueryTimer:
    """``connection.execute_wrapper``: the time and number of the queries of a request."""

    def __init__(self):
        self.seconds = 0.0
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def measure(client, path):
    from django.db import connection

    first = client.get(path)
    if first.status_code != 200:
        raise SystemExit(f"{path} answered {first.status_code}")
    totals, db_times, counts = [], [], []
    for _ in range(RUNS):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            response = client.get(path)
            totals.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        db_times.append(timer.seconds * 1000)
        counts.append(timer.count)
    return statistics.median(totals), statistics.median(db_times), max(counts), len(first.content)


def pages():
    """(label, path, target ms) of every page kind measured; a list page's target is also
    ``DB_TARGET`` ms of database time."""
    import xml.etree.ElementTree as ET

    from django.core.paginator import Paginator
    from django.test import Client

    from news import conf
    from news.models import Article, Category

    published = Article.objects.published()
    last_page = Paginator(range(published.count()), conf.PER_PAGE).num_pages
    category = Category.objects.order_by("pk").first()
    category_last = Paginator(
        range(published.filter(category=category).count()), conf.PER_PAGE
    ).num_pages
    article = published.order_by("pk")[ARTICLES // 2 : ARTICLES // 2 + 1].get()
    rows = [
        ("home", "/", 150),
        ("news list, first page", "/tin-tuc/", 150),
        ("news list, middle page", f"/tin-tuc/?page={last_page // 2}", 150),
        ("news list, last page", f"/tin-tuc/?page={last_page}", 150),
        ("category, first page", category.get_absolute_url(), 150),
        ("category, last page", f"{category.get_absolute_url()}?page={category_last}", 150),
        ("article", article.get_absolute_url(), 150),
        (f"search “{COMMON_QUERY}” (common)", f"/tim-kiem/?q={COMMON_QUERY}", 100),
        (f"search “{RARE}” (rare)", f"/tim-kiem/?q={RARE}", 100),
        (f"search “{NO_HITS_QUERY}” (no hits)", f"/tim-kiem/?q={NO_HITS_QUERY}", 100),
        ("RSS", "/rss/", 150),
        ("sitemap index", "/sitemap.xml", 150),
    ]
    index = Client().get("/sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for node in ET.fromstring(index.content).findall("s:sitemap/s:loc", namespace):
        path = node.text.split("://", 1)[1].split("/", 1)[1]
        rows.append((f"sitemap /{path}", f"/{path}", 150))
    return rows


def admin_pages():
    """(label, path, target ms) of the article admin's changelist as editors use it."""
    from django.utils import timezone

    from news.models import Article, Category

    url = "/admin/news/article/"
    middle = Article.objects.published().order_by("published_at")[ARTICLES // 2 : ARTICLES // 2 + 1]
    when = timezone.localtime(middle.get().published_at)
    category = Category.objects.order_by("pk").first()
    return [
        ("admin list, first page", url, ADMIN_TARGET),
        (f"admin search “{RARE}”", f"{url}?q={RARE}", ADMIN_TARGET),
        ("admin search “khoa h” (common)", f"{url}?q=khoa+h", ADMIN_TARGET),
        ("admin filter status + category",
         f"{url}?status__exact=published&category__id__exact={category.pk}", ADMIN_TARGET),
        ("admin date hierarchy, a year", f"{url}?published_at__year={when.year}", ADMIN_TARGET),
        ("admin date hierarchy, a month",
         f"{url}?published_at__year={when.year}&published_at__month={when.month}", ADMIN_TARGET),
    ]  # fmt: skip


def admin_client(client_class):
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = client_class(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0")
    client.force_login(user)
    return client


def main():
    created = prepare_database()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from news.models import Article

    # Not setup_test_environment(): its instrumented template rendering would be timed too.
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PAGE_CACHE_SECONDS = 0  # every request renders its page
    if created:
        call_command("migrate", verbosity=0)
        load_articles()
    total = Article.objects.count()
    log(f"measuring with {total} articles, {RUNS} runs a page")
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0 Safari/537.36")
    results = []
    for label, path, target in pages():
        median, db, queries, size = measure(client, path)
        results.append((label, median, db, queries, size, target))
    editor = admin_client(Client)
    for label, path, target in admin_pages():
        median, db, queries, size = measure(editor, path)
        results.append((label, median, db, queries, size, target))
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0].split()[0]
    print()
    print(
        f"{total} articles, PostgreSQL {pg_version}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, median of {RUNS} runs"
    )
    print()
    print("| page | ms in server | ms in database | queries | KiB | target ms | met |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for label, median, db, queries, size, target in results:
        is_list = label.startswith(("news list", "category"))
        met = median <= target and (db <= DB_TARGET or not is_list)
        goal = f"{target} ({DB_TARGET} in db)" if is_list else f"{target}"
        print(
            f"| {label} | {median:.1f} | {db:.1f} | {queries} | {size / 1024:.0f} | {goal} "
            f"| {'yes' if met else '**no**'} |"
        )


if __name__ == "__main__":
    main()
