"""The page cache's public API: holes written once, invalidation by registered models only
(and again at commit), keys that keep schemes apart, markers content cannot forge."""

import io
import re

import pytest
from django.core.cache import cache
from django.db import transaction
from django.template import Context, Template
from django.test import Client, RequestFactory

import pagecache
from pagecache import registry, storage
from pagecache.state import page_state

READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"


@pytest.fixture
def answer_hole():
    pagecache.register_hole("test_answer", lambda request, meta: f"<{meta.get('n', 42)}>")
    yield
    registry._holes.pop("test_answer", None)


def version():
    return cache.get(storage.VERSION_KEY, 0)


def test_hole_tag_calls_the_function_outside_the_cache_and_escapes_it(answer_hole):
    request = RequestFactory().get("/")
    pagecache.set_meta(request, {"n": 7})
    html = Template('{% load pagecache %}{% hole "test_answer" %}').render(
        Context({"request": request})
    )
    assert html == "&lt;7&gt;"


def test_hole_tag_leaves_a_marker_while_rendering_for_the_cache(answer_hole):
    request = RequestFactory().get("/")
    page_state(request).rendering = True
    html = Template('{% load pagecache %}{% hole "test_answer" %}').render(
        Context({"request": request})
    )
    parts = storage.split(html)
    assert storage.hole_names(parts) == ["test_answer"]
    assert storage.join(parts, registry.hole_values(request, ["test_answer"], {})) == b"&lt;42&gt;"


def test_a_marker_with_another_deployments_token_is_not_a_hole(settings, answer_hole):
    settings.SECRET_KEY = "one-deployment"
    theirs = storage.marker("test_answer")
    settings.SECRET_KEY = "another-deployment"
    ours = storage.marker("test_answer")
    assert theirs != ours
    assert storage.split(f"a{theirs}b") == [f"a{theirs}b".encode()]
    assert storage.split("a<!--hole:csrf-->b") == [b"a<!--hole:csrf-->b"]
    assert storage.hole_names(storage.split(f"a{ours}b")) == ["test_answer"]


def test_hole_names_are_checked():
    with pytest.raises(ValueError):
        pagecache.register_hole("news.views.fill", lambda request, meta: "")


@pytest.mark.django_db
def test_a_stored_entry_holds_hole_names_and_no_code(make_article):
    article = make_article()
    Client(HTTP_USER_AGENT=READER).get(article.get_absolute_url())
    key = storage.page_key(RequestFactory().get(article.get_absolute_url()))
    entry = cache.get(key)
    assert set(entry) == {"version", "body", "charset", "meta", "headers", "fresh_until"}
    assert {"csrf", "views", "stat_total"} <= set(storage.hole_names(entry["body"]))
    # The text around the holes is stored encoded: a hit sends it as it is.
    assert entry["charset"] == "utf-8"
    assert all(isinstance(text, bytes) for text in entry["body"][::2])
    assert "Sở Khoa học".encode() in b"".join(entry["body"][::2])
    assert entry["meta"] == {"article": article.pk}


def canonical(response):
    return re.search(r'rel="canonical" href="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
def test_an_https_reader_never_poisons_the_plain_http_page(settings, make_article):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    article = make_article()
    url = article.get_absolute_url()
    secure = Client(HTTP_USER_AGENT=READER).get(url, HTTP_X_FORWARDED_PROTO="https")
    assert canonical(secure).startswith("https://")

    plain = Client(HTTP_USER_AGENT=READER).get(url)

    assert canonical(plain).startswith("http://")
    assert canonical(plain).endswith(url)


@pytest.mark.django_db
def test_saving_a_registered_model_invalidates_now_and_at_commit(
    make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    before = version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            article.title = "Tiêu đề mới"
            article.save()
            during = version()
    assert during > before
    assert callbacks  # bumped again once the transaction committed
    assert version() > during


@pytest.mark.django_db
def test_traffic_and_unregistered_models_invalidate_nothing(make_article):
    from awards.models import Period
    from news.models import ArticleViewer

    article = make_article()
    before = version()
    ArticleViewer.objects.create(
        article=article, visitor="x" * 64, last_counted_at=article.published_at
    )
    Period.objects.create(name="2020-2025", slug="2020-2025", start_year=2020, end_year=2025)
    assert version() == before


@pytest.mark.django_db
def test_bulk_switching_banners_invalidates_pages(settings, tmp_path):
    from banners.models import Banner
    from banners.services import banners_set_active

    before = version()
    banners_set_active(banners=Banner.objects.all(), is_active=False)
    assert version() > before


@pytest.mark.django_db
def test_the_banner_admin_actions_invalidate_cached_pages(settings, tmp_path, django_user_model):
    """The switch-on/off actions write with ``QuerySet.update()`` (no signal): the page that
    showed the banner must not be served from the cache afterwards."""
    from django.core.files.base import ContentFile
    from PIL import Image

    from banners.models import Banner

    settings.MEDIA_ROOT = tmp_path / "media"
    image = io.BytesIO()
    Image.new("RGB", (300, 100), (11, 79, 138)).save(image, format="PNG")
    banner = Banner(
        title="Cổng Dịch vụ công quốc gia",
        alt_text="Quảng cáo thử bật tắt",
        target_url="https://dichvucong.gov.vn/",
        position="sidebar",
    )
    banner.image.save("banner.png", ContentFile(image.getvalue()), save=False)
    banner.save()
    reader = Client(HTTP_USER_AGENT=READER)
    assert "Quảng cáo thử bật tắt" in reader.get("/").content.decode()  # now cached

    admin = Client()
    admin.force_login(django_user_model.objects.create_superuser("quantri", "q@example.invalid"))
    before = version()
    answer = admin.post(
        "/admin/banners/banner/", {"action": "switch_off", "_selected_action": [banner.pk]}
    )
    assert answer.status_code == 302
    assert version() > before
    assert "Quảng cáo thử bật tắt" not in Client(HTTP_USER_AGENT=READER).get("/").content.decode()
