"""Public pages: visibility, pagination, article page, download, redirects."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article

from .conftest import main_html

PAGE_VALUES = ["abc", "0", "-1", "99999", "", "1.5", "2"]


def test_home_shows_featured_and_latest(reader, make_article):
    make_article(title="Tin nổi bật nhất", is_featured=True)
    make_article(title="Tin thường mới")
    make_article(title="Bản nháp bí mật", status="draft")
    html = main_html(reader.get("/"))
    assert "Tin nổi bật nhất" in html
    assert "Tin thường mới" in html
    assert "Bản nháp bí mật" not in html


def test_list_shows_ten_newest_first_with_pagination(reader, make_article):
    articles = [make_article(title=f"Tin số {n:02d}") for n in range(25)]
    html = main_html(reader.get("/tin-tuc/"))
    titles = re.findall(r"Tin số (\d\d)</a></h2>", html)
    assert titles == [f"{n:02d}" for n in range(24, 14, -1)]
    assert 'href="?page=2"' in html and 'href="?page=3"' in html
    assert "»" in html
    assert articles[0].title not in html


def test_list_page_three_holds_the_oldest(reader, make_article):
    for n in range(25):
        make_article(title=f"Tin số {n:02d}")
    html = reader.get("/tin-tuc/?page=3").content.decode()
    assert re.findall(r"Tin số (\d\d)</a></h2>", html) == [f"{n:02d}" for n in range(4, -1, -1)]


@pytest.mark.parametrize("value", PAGE_VALUES)
def test_odd_page_numbers_never_fail_on_the_list(reader, make_article, value):
    for _ in range(12):
        make_article()
    assert reader.get("/tin-tuc/", {"page": value}).status_code == 200


@pytest.mark.parametrize("value", PAGE_VALUES)
def test_odd_page_numbers_never_fail_on_a_category(reader, make_article, category, value):
    for _ in range(12):
        make_article(category=category)
    response = reader.get(f"/tin-tuc/chuyen-muc/{category.slug}/", {"page": value})
    assert response.status_code == 200
    assert "Tin hoạt động" in response.content.decode()


@pytest.mark.parametrize("value", PAGE_VALUES)
def test_odd_page_numbers_never_fail_on_other_news(reader, make_article, value):
    articles = [make_article() for _ in range(14)]
    response = reader.get(articles[0].get_absolute_url(), {"page": value})
    assert response.status_code == 200


def test_category_page_lists_only_its_articles(reader, make_article, category):
    make_article(title="Trong chuyên mục", category=category)
    make_article(title="Ngoài chuyên mục")
    html = main_html(reader.get(category.get_absolute_url()))
    assert "Trong chuyên mục" in html
    assert "Ngoài chuyên mục" not in html


@pytest.mark.parametrize(
    "url", ["/tin-tuc/chuyen-muc/khong-co/", "/tin-tuc/khong-ton-tai/"], ids=["category", "article"]
)
def test_unknown_category_or_article_is_404(reader, db, url):
    assert reader.get(url).status_code == 404


def test_article_page_shows_title_date_byline_views_and_body(reader, make_article):
    article = make_article(
        title="Hội nghị sơ kết",
        body="<p>Đoạn một.</p>",
        byline="HN",
        published_at=timezone.make_aware(timezone.datetime(2017, 9, 8, 15, 30)),
        view_count=701,
    )
    html = reader.get(article.get_absolute_url()).content.decode()
    assert "<h1" in html and "Hội nghị sơ kết</h1>" in html
    assert ">15:30 08/09/2017</time>" in html
    assert "Cập nhật lúc" not in html
    assert 'Lượt xem: <span data-stat="views">702</span>' in html
    assert "<p>Đoạn một.</p>" in html
    assert '<p class="article-byline">HN</p>' in html
    assert "In bài" in html and "Lưu bài" in html


def test_article_page_has_canonical_and_opengraph_tags(reader, make_article):
    article = make_article(title="Chia sẻ bài", summary="Tóm tắt để chia sẻ")
    html = reader.get(article.get_absolute_url()).content.decode()
    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:title" content="Chia sẻ bài">' in html
    assert '<meta property="og:description" content="Tóm tắt để chia sẻ">' in html


def test_other_news_lists_other_articles_newest_first_and_pages_stay_on_the_article(
    reader, make_article
):
    articles = [make_article(title=f"Tin khác {n:02d}") for n in range(15)]
    current = articles[-1]
    html = reader.get(current.get_absolute_url()).content.decode()
    other = html[html.index('id="tin-khac"') :]
    titles = re.findall(r"Tin khác (\d\d)</a></h3>", other)
    assert titles == [f"{n:02d}" for n in range(13, 3, -1)]  # not the current one
    assert 'href="?page=2#tin-khac"' in other
    page2 = reader.get(current.get_absolute_url() + "?page=2").content.decode()
    assert "Tin khác 14</h1>" in page2  # still the same article
    rest = page2[page2.index('id="tin-khac"') :]
    assert re.findall(r"Tin khác (\d\d)</a></h3>", rest) == ["03", "02", "01", "00"]


def test_other_news_beyond_the_cached_index_come_from_the_database(reader, make_article, settings):
    settings.NEWS_INDEX_SIZE = 5
    articles = [make_article(title=f"Bài {n:02d}") for n in range(14)]
    html = reader.get(articles[-1].get_absolute_url() + "?page=2").content.decode()
    rest = html[html.index('id="tin-khac"') :]
    assert re.findall(r"Bài (\d\d)</a></h3>", rest) == ["02", "01", "00"]


def test_draft_is_404_for_the_public_and_a_preview_for_staff(reader, staff_client, make_article):
    draft = make_article(title="Bản nháp", status="draft")
    assert reader.get(draft.get_absolute_url()).status_code == 404
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Bản xem trước" in response.content.decode()


def test_scheduled_article_is_404_until_its_time_and_a_preview_for_staff(
    reader, staff_client, make_article
):
    scheduled = make_article(title="Hẹn giờ", published_at=timezone.now() + timedelta(hours=2))
    assert reader.get(scheduled.get_absolute_url()).status_code == 404
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()
    response = staff_client.get(scheduled.get_absolute_url())
    assert response.status_code == 200
    assert "hẹn đăng" in response.content.decode()
    Article.objects.filter(pk=scheduled.pk).update(published_at=timezone.now())
    assert reader.get(scheduled.get_absolute_url()).status_code == 200


def test_drafts_are_not_listed_or_downloadable(reader, make_article):
    draft = make_article(title="Không ai thấy", status="draft")
    assert "Không ai thấy" not in main_html(reader.get("/tin-tuc/"))
    assert reader.get(f"/tin-tuc/{draft.slug}/luu/").status_code == 404


def test_old_slug_redirects_permanently_to_the_new_address(reader, make_article):
    article = make_article(title="Địa chỉ cũ")
    article.slug = "dia-chi-moi"
    article.save()
    response = reader.get("/tin-tuc/dia-chi-cu/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/tin-tuc/dia-chi-moi/?page=2"
    assert reader.get("/tin-tuc/dia-chi-moi/").status_code == 200


def test_old_slug_of_a_draft_is_404_for_the_public(reader, make_article):
    article = make_article(title="Sẽ gỡ")
    article.slug = "da-go"
    article.status = "draft"
    article.save()
    assert reader.get("/tin-tuc/se-go/").status_code == 404


def test_save_article_is_a_self_contained_html_download(reader, make_article):
    article = make_article(
        title="Bài để lưu",
        body='<p>Nội dung lưu.</p><p><img src="/media/uploads/a.png" alt="ảnh"></p>',
        byline="HN",
    )
    response = reader.get(f"/tin-tuc/{article.slug}/luu/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{article.slug}.html"'
    html = response.content.decode()
    assert "<style>" in html
    assert "<h1>Bài để lưu</h1>" in html and "Nội dung lưu." in html and "HN" in html
    assert 'src="http://testserver/media/uploads/a.png"' in html
    assert "<script" not in html and "<link" not in html


def test_print_button_is_wired_by_a_script_file_not_inline(reader, make_article):
    html = reader.get(make_article().get_absolute_url()).content.decode()
    assert '<script src="/static/js/news.js" defer></script>' in html
    assert "data-news-print" in html
    assert "onclick" not in html
    assert "<script>" not in html


def test_counting_failure_is_logged_and_the_page_still_served(
    reader, make_article, monkeypatch, caplog
):
    article = make_article(view_count=9)

    def broken(**kwargs):
        raise RuntimeError("database busy")

    monkeypatch.setattr("news.views.article_record_view", broken)
    response = reader.get(article.get_absolute_url())
    assert response.status_code == 200
    assert 'data-stat="views">9<' in response.content.decode()
    assert "could not count a view" in caplog.text


def test_home_lead_has_an_image_and_no_article_shows_three_times(reader, make_article, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .conftest import image_bytes

    make_article(title="Tin nổi bật có ảnh", is_featured=True,
                 image=SimpleUploadedFile("a.png", image_bytes()))  # fmt: skip
    make_article(title="Tin nổi bật mới nhất không ảnh", is_featured=True)
    for n in range(6):
        make_article(title=f"Tin thường {n}")
    html = reader.get("/").content.decode()
    lead = html.split('<article class="lead-article">', 1)[1].split("</article>", 1)[0]
    assert "Tin nổi bật có ảnh" in lead and "<img" in lead
    for title in ["Tin nổi bật có ảnh", "Tin nổi bật mới nhất không ảnh", "Tin thường 5"]:
        assert html.count(f">{title}</a>") <= 2, title


def test_staff_who_may_not_see_articles_get_the_publics_404_for_a_draft(
    django_user_model, make_article
):
    from django.contrib.auth.models import Permission
    from django.test import Client

    draft = make_article(title="Bản nháp nội bộ", status="draft")
    secretary = django_user_model.objects.create_user(
        username="thuky-thidua", password="x-secret-123", is_staff=True
    )
    client = Client()
    client.force_login(secretary)
    assert client.get(draft.get_absolute_url()).status_code == 404
    secretary.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(django_user_model.objects.get(pk=secretary.pk))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Bản xem trước" in response.content.decode()
