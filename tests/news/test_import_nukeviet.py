"""``manage.py import_nukeviet`` from a real MariaDB holding NukeViet 4.5's own tables, and
the old NukeViet addresses answering 301 to the imported pages."""

import io
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from news.models import Article, ArticleAttachment, Category
from tests.news import nukeviet_fixture as nv

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def nukeviet_database():
    """A NukeViet-shaped database on the machine's MariaDB; dropped afterwards."""
    import pymysql

    try:
        connection = pymysql.connect(**nv.server_options(), charset="utf8mb4", connect_timeout=5)
    except pymysql.MySQLError as exc:
        pytest.skip(
            f"MariaDB unreachable at {nv.SERVER_URL} ({exc}); run scripts/ensure-services.sh"
        )
    name = nv.create_database(connection)
    try:
        yield f"{nv.SERVER_URL.rstrip('/')}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        connection.close()


@pytest.fixture
def uploads(tmp_path):
    return nv.make_uploads(tmp_path / "uploads")


@pytest.fixture
def run_import(nukeviet_database, uploads, media_root):
    def run(*extra):
        out, err = io.StringIO(), io.StringIO()
        call_command(
            "import_nukeviet",
            "--database",
            nukeviet_database,
            "--prefix",
            "nv4",
            "--lang",
            "vi",
            "--uploads",
            str(uploads),
            "--old-host",
            "sokhcn.caobang.gov.vn",
            *extra,
            stdout=out,
            stderr=err,
        )
        return out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def imported(run_import):
    """The import run twice, as an operator re-running it would."""
    first, progress = run_import()
    second, _ = run_import()
    return first, second, progress


def test_two_runs_import_every_published_row_once(imported):
    first, second, progress = imported
    assert Category.objects.count() == 3
    assert Article.objects.count() == nv.PUBLISHED_TOTAL
    assert Article.objects.filter(nukeviet_id__isnull=True).count() == 0
    assert f"Bài viết: {nv.PUBLISHED_TOTAL} nhập mới, 0 cập nhật" in first
    assert "Chuyên mục: 3 nhập mới" in first
    assert f"Bài viết: 0 nhập mới, 0 cập nhật, {nv.PUBLISHED_TOTAL} không đổi" in second
    assert "Chuyên mục: 0 nhập mới, 0 cập nhật, 3 không đổi" in second
    assert ArticleAttachment.objects.count() == 2
    assert f"{nv.FILLER_COUNT + 4}/{nv.FILLER_COUNT + 4}" in progress


def test_unpublished_rows_are_skipped_with_their_reason(imported):
    first, _second, _ = imported
    assert not Article.objects.filter(nukeviet_id=nv.UNPUBLISHED_ID).exists()
    assert not Article.objects.filter(nukeviet_id__in=nv.FILLER_UNPUBLISHED).exists()
    assert "chưa đăng trên NukeViet (status = 0)" in first
    assert "chưa đăng trên NukeViet (status = 2)" in first
    assert str(nv.UNPUBLISHED_ID) in first


def test_seed_article_keeps_views_date_byline_source_and_summary(imported):
    seed = Article.objects.get(nukeviet_id=nv.SEED_ID)
    assert seed.title == nv.SEED_TITLE
    assert seed.view_count == 701
    local = timezone.localtime(seed.published_at)
    assert local.strftime("%d/%m/%Y %H:%M") == "08/09/2020 08:30"
    assert str(local.tzinfo) == "Asia/Ho_Chi_Minh"
    assert seed.byline == "HN"
    assert seed.source == "Báo Cao Bằng"
    assert seed.summary.startswith("Sáng 08/9")
    assert seed.status == Article.Status.PUBLISHED
    assert seed.slug == nv.SEED_ALIAS.lower().replace("_", "-")
    assert seed.category.nukeviet_id == 1
    assert seed.image.name.startswith("news/nukeviet/")
    assert seed.image_alt == "Quang cảnh hội nghị"


def test_bodies_are_sanitized_and_their_files_copied_to_media(imported, media_root, client):
    body = Article.objects.get(nukeviet_id=nv.SEED_ID).body
    assert "<script" not in body and "onclick" not in body
    assert "/uploads/" not in body
    assert 'src="/media/news/nukeviet/' in body
    assert 'href="/media/news/nukeviet/' in body
    image_url = body.split('src="', 1)[1].split('"', 1)[0]
    response = client.get(image_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_links_with_the_old_domain_are_copied_and_other_sites_left_alone(imported):
    body = Article.objects.get(nukeviet_id=nv.FILES_ID).body
    seed_image = Article.objects.get(nukeviet_id=nv.SEED_ID).image.name
    assert "sokhcn.caobang.gov.vn" not in body
    assert 'src="/media/news/nukeviet/' in body
    assert 'src="https://other.example/uploads/news/2020_09/hoi-nghi.png"' in body
    # The same file as the seed's image: copied once, both point to one stored copy.
    assert f'src="/media/{seed_image}"' in body


def test_attachments_are_imported_and_served(imported, client):
    article = Article.objects.get(nukeviet_id=nv.FILES_ID)
    pdf, docx = article.attachments.all()
    assert (pdf.title, pdf.extension, pdf.order) == ("ke-hoach-2021.pdf", "pdf", 0)
    assert (docx.title, docx.extension, docx.order) == ("mau-don.docx", "docx", 1)
    inline = client.get(pdf.file.url)
    assert inline.status_code == 200
    assert inline["Content-Type"] == "application/pdf"
    assert "attachment" not in inline.get("Content-Disposition", "")
    download = client.get(docx.file.url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    # filesizeformat puts a no-break space between number and unit.
    page = client.get(article.get_absolute_url()).content.decode().replace("\xa0", " ")
    assert "File đính kèm" in page
    assert "ke-hoach-2021.pdf" in page and "PDF" in page
    assert "(PDF, 45 byte, xem trực tuyến)" in page
    assert "(Word, DOCX, 393 byte, tải về)" in page


def test_forged_attachment_is_refused_and_reported(imported):
    first, _second, _ = imported
    article = Article.objects.get(nukeviet_id=nv.FORGED_ID)
    assert article.title == "Thông báo có tệp giả mạo!"
    assert article.attachments.count() == 0
    assert "gia-mao.docx bị từ chối" in first


def test_files_over_the_size_limit_are_refused(run_import, settings):
    settings.UPLOAD_ATTACHMENT_MAX_BYTES = 100
    out, _ = run_import()
    article = Article.objects.get(nukeviet_id=nv.FILES_ID)
    assert [a.extension for a in article.attachments.all()] == ["pdf"]
    assert "mau-don.docx bị từ chối: Tệp quá lớn" in out


def test_categories_keep_their_parent(imported):
    child = Category.objects.get(nukeviet_id=3)
    assert child.parent == Category.objects.get(nukeviet_id=2)
    assert [c.name for c in child.get_ancestors()] == ["Khoa học công nghệ"]
    assert Category.objects.get(nukeviet_id=2).get_ancestors() == []


def test_a_second_run_keeps_views_counted_here_and_takes_changes(imported, run_import):
    seed = Article.objects.get(nukeviet_id=nv.SEED_ID)
    Article.objects.filter(pk=seed.pk).update(view_count=900, title="Sửa tay")
    out, _ = run_import()
    seed.refresh_from_db()
    assert seed.view_count == 900  # never lowered to NukeViet's 701
    assert seed.title == nv.SEED_TITLE  # the source wins for its own fields
    assert "Bài viết: 0 nhập mới, 1 cập nhật" in out
    assert Article.objects.count() == nv.PUBLISHED_TOTAL
    Article.objects.filter(pk=seed.pk).update(view_count=5)
    out, _ = run_import()
    seed.refresh_from_db()
    assert seed.view_count == 701  # raised to NukeViet's count, nothing else touched
    assert "Bài viết: 0 nhập mới, 1 cập nhật" in out


def test_dry_run_writes_nothing(run_import, media_root):
    out, _ = run_import("--dry-run")
    assert Article.objects.count() == 0
    assert Category.objects.count() == 0
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))
    assert f"Bài {nv.SEED_ID} «{nv.SEED_TITLE}»: sẽ nhập mới" in out
    assert "Chạy thử (không ghi gì)" in out


def test_wrong_prefix_is_a_clear_vietnamese_error(nukeviet_database, uploads):
    with pytest.raises(CommandError, match="Không tìm thấy bảng nv9_vi_news"):
        call_command("import_nukeviet", "--database", nukeviet_database, "--prefix", "nv9")
    with pytest.raises(CommandError, match="--prefix không hợp lệ"):
        call_command("import_nukeviet", "--database", nukeviet_database, "--prefix", "nv4`; DROP x")


def test_unreachable_database_is_a_clear_vietnamese_error():
    with pytest.raises(CommandError, match="Không kết nối được cơ sở dữ liệu NukeViet"):
        call_command("import_nukeviet", "--database", "mysql://root@127.0.0.1:1/nukeviet")
    with pytest.raises(CommandError, match="Địa chỉ cơ sở dữ liệu không hợp lệ"):
        call_command("import_nukeviet", "--database", "postgres://x@y/z")


# --- old addresses ------------------------------------------------------------------------


def _old_forms(cat, alias, nukeviet_id):
    op = f"{cat}/{alias}-{nukeviet_id}"
    return {
        f"/index.php?language=vi&nv=news&op={op}": "view",
        f"/index.php?language=vi&nv=news&op={quote(op)}": "view",
        f"/index.php?nv=news&op={op}": "view",
        f"/index.php?language=vi&nv=news&op=savefile/{op}": "save",
        f"/index.php?language=vi&nv=news&op=print/{op}": "view",
        f"/news/{op}.html": "view",
        f"/vi/news/{op}.html": "view",
        f"/news/savefile/{op}.html": "save",
        f"/news/print/{op}.html": "view",
        f"/{op}.html": "view",  # news as the home module: its name left out
    }


def test_every_old_article_address_answers_301_to_the_imported_page(imported, client):
    for nukeviet_id in (nv.SEED_ID, nv.FILES_ID):
        article = Article.objects.get(nukeviet_id=nukeviet_id)
        source = next(row for row, _ in nv.rows() if row["id"] == nukeviet_id)
        cat = next(c[3] for c in nv.CATEGORIES if c[0] == source["catid"])
        targets = {"view": article.get_absolute_url(), "save": f"/tin-tuc/{article.slug}/luu/"}
        for url, kind in _old_forms(cat, source["alias"], nukeviet_id).items():
            response = client.get(url)
            assert response.status_code == 301, url
            assert response["Location"] == targets[kind], url
        assert client.get(targets["view"]).status_code == 200
        assert client.get(targets["save"]).status_code == 200


def test_old_addresses_find_the_article_by_id_even_with_a_stale_category(imported, client):
    article = Article.objects.get(nukeviet_id=nv.SEED_ID)
    response = client.get(f"/news/Da-xoa/ten-cu-{nv.SEED_ID}.html")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_old_category_addresses_answer_301(imported, client):
    child = Category.objects.get(nukeviet_id=3)
    for url in (
        "/index.php?language=vi&nv=news&op=Chuyen-doi-so",
        "/index.php?language=vi&nv=news&op=Chuyen-doi-so/page-2",
        "/news/Chuyen-doi-so/",
        "/news/Chuyen-doi-so/page-3.html",
    ):
        response = client.get(url)
        assert response.status_code == 301, url
        assert response["Location"] == child.get_absolute_url(), url
    assert client.get(child.get_absolute_url()).status_code == 200
    news = client.get("/index.php?language=vi&nv=news")
    assert (news.status_code, news["Location"]) == (301, "/tin-tuc/")
    home = client.get("/index.php")
    assert (home.status_code, home["Location"]) == (301, "/")


UNKNOWN_OLD_ADDRESSES = [
    f"/index.php?language=vi&nv=news&op=Tin-hoat-dong/Bai-dang-cho-duyet-{nv.UNPUBLISHED_ID}",
    "/index.php?language=vi&nv=news&op=Tin-hoat-dong/khong-co-999999",
    "/index.php?language=vi&nv=news&op=Khong-co-chuyen-muc",
    "/index.php?language=en&nv=news&op=Tin-hoat-dong",
    "/index.php?language=vi&nv=about&op=gioi-thieu",
    "/index.php?language=vi&nv=news&op=tag/abc-2950",
    "/index.php?language=vi&nv=news&op=Tin/x-99999999999999999999999",
    "/index.php?language=vi&nv=news&op=a/b/c/d-2950",
    "/index.php?language=vi&nv=news&op=%00%ff/%2e%2e-1",
    "/news/Tin-hoat-dong/khong-co-123456.html",
    "/news/..%2f..%2fetc/passwd-1.html",
    "/index.php?language=vi&nv=news&op=print",
    "/index.php?language=vi&nv=news&op=savefile/",
    "/news/print/",
]


def test_unknown_or_hostile_old_addresses_get_the_vietnamese_404(imported, client):
    for url in UNKNOWN_OLD_ADDRESSES:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Không tìm thấy trang" in response.content.decode(), url


OFF_SITE_ATTEMPTS = [
    f"/index.php?nv=news&op=https://evil.example/a/b-{nv.SEED_ID}",
    f"/index.php?language=vi&nv=news&op=//evil.example/x-{nv.SEED_ID}",
    f"/news//evil.example/x-{nv.SEED_ID}.html",
    "/index.php?nv[]=news&op[]=x",
    "/index.php?nv=news&nv=evil&op=%0d%0aLocation:%20https://evil.example",
]


def test_old_address_never_redirects_off_site(imported, client):
    for url in OFF_SITE_ATTEMPTS:
        response = client.get(url)
        assert response.status_code in (301, 404), url
        if response.status_code == 301:
            location = response["Location"]
            assert location.startswith("/") and not location.startswith("//"), url
            assert "evil" not in location, url


def test_hostile_values_in_old_addresses_never_give_a_500(imported, client):
    from tests.security.corpus import CORPUS, RAW_QUERY_VALUES

    failures = []
    for payload in CORPUS[::2]:
        value = quote(payload.encode("utf-8", "surrogatepass"), safe="")
        for url in (
            f"/index.php?language=vi&nv=news&op={value}",
            f"/index.php?language=vi&nv=news&op=savefile/{value}-{nv.SEED_ID}",
            f"/index.php?language={value}&nv=news&op=Tin-hoat-dong",
            f"/news/{value}/x-{nv.SEED_ID}.html",
        ):
            response = client.get(url)
            location = response.get("Location", "")
            if response.status_code >= 500 or (location and not location.startswith("/")):
                failures.append((url[:80], response.status_code, location[:80]))
    for raw in RAW_QUERY_VALUES:
        response = client.get(f"/index.php?language=vi&nv=news&op={raw}")
        if response.status_code >= 500:
            failures.append((raw, response.status_code, ""))
    assert not failures, failures[:20]


def test_raising_a_view_count_never_lowers_it_and_reaches_the_live_count(make_article):
    from news.services import article_record_view, article_view_count, article_view_count_raise

    article = make_article(view_count=10)
    article_record_view(article=article, visitor="doc-gia-1")  # seeds Redis in Redis mode
    article_view_count_raise(article=article, at_least=701)
    assert article_view_count(article=article) == 701
    article_view_count_raise(article=article, at_least=300)
    assert article_view_count(article=article) == 701
    article_record_view(article=article, visitor="doc-gia-2")
    assert article_view_count(article=article) == 702
