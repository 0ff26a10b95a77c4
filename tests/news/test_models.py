"""Sanitizing, old addresses, history, thumbnails."""

from django.core.files.uploadedfile import SimpleUploadedFile

from news.models import Article, ArticleSlugHistory

from .conftest import image_bytes

HOSTILE = """
<h2 onclick="steal()">Tiêu đề</h2>
<p style="color:red">Đoạn <strong>đậm</strong> <em>nghiêng</em> <u>gạch</u></p>
<script>alert('xss')</script><style>body{display:none}</style>
<img src="x" onerror="alert(1)"><img src="https://example.org/a.png" alt="ảnh">
<img src="/media/uploads/2026/01/a.jpg" alt="của ta"><img src="data:image/png;base64,AAAA">
<a href="javascript:alert(1)">xấu</a> <a href="https://example.org/" target="_blank">tốt</a>
<iframe src="https://evil.example/"></iframe><form action="/x"><input name="a"></form>
<table><tr><td colspan="2" onmouseover="x()">ô</td></tr></table>
<blockquote>trích</blockquote>
<figure><img src="/media/a.png"><figcaption>chú thích</figcaption></figure>
"""


def test_hostile_body_saved_through_the_orm_is_cleaned(db):
    article = Article.objects.create(title="Bài độc", body=HOSTILE, status="published")
    body = Article.objects.get(pk=article.pk).body
    bad_parts = ["<script", "alert('xss')", "<style", "display:none", "onclick", "onerror"]
    bad_parts += ["onmouseover", "javascript:", "style=", "<iframe", "<form", "<input", "data:"]
    for bad in bad_parts:
        assert bad not in body, bad
    for good in ("<h2>Tiêu đề</h2>", "<strong>đậm</strong>", "<em>nghiêng</em>", "<u>gạch</u>",
                 'src="https://example.org/a.png"', 'src="/media/uploads/2026/01/a.jpg"',
                 "<blockquote>trích</blockquote>", "<figcaption>chú thích</figcaption>",
                 'colspan="2"'):  # fmt: skip
        assert good in body, good
    assert 'href="https://example.org/" rel="noopener"' in body
    assert 'target="_blank"' not in body


def test_unsafe_image_source_is_dropped_but_the_image_tag_kept_harmless(db):
    article = Article.objects.create(title="Ảnh", body='<p><img src="x" onerror="a()"></p>')
    assert article.body == "<p><img></p>"


def renamed(article, slug):
    article.slug = slug
    article.save()
    return article


def test_changing_the_slug_records_the_old_one(make_article):
    article = renamed(make_article(title="Tên cũ"), "ten-moi")
    assert list(article.old_slugs.values_list("slug", flat=True)) == ["ten-cu"]


def test_returning_to_an_old_slug_removes_it_from_the_old_list(make_article):
    article = renamed(make_article(title="Tên cũ"), "ten-moi")
    renamed(article, "ten-cu")
    assert list(article.old_slugs.values_list("slug", flat=True)) == ["ten-moi"]


def test_new_article_does_not_take_another_articles_old_slug(make_article):
    first = renamed(make_article(title="Hội nghị"), "hoi-nghi-tong-ket")
    second = make_article(title="Hội nghị")
    assert second.slug == "hoi-nghi-2"
    assert ArticleSlugHistory.objects.get(slug="hoi-nghi").article == first


def test_every_edit_is_kept_in_history_and_can_be_reverted(make_article):
    article = make_article(title="Bản đầu", body="<p>Một</p>", view_count=5)
    article.title = "Bản sửa"
    article.body = "<p>Hai</p>"
    article.save()
    assert article.history.count() == 2
    first = article.history.earliest()
    assert first.title == "Bản đầu"
    Article.objects.filter(pk=article.pk).update(view_count=42)
    first.instance.save()
    article.refresh_from_db()
    assert article.title == "Bản đầu"
    assert article.body == "<p>Một</p>"
    assert article.view_count == 42  # not tracked, so a revert keeps the live count
    assert article.history.count() == 3


def test_image_is_reencoded_under_a_random_name_with_thumbnails(db, media_root):
    upload = SimpleUploadedFile("ảnh đẹp.png", image_bytes("PNG"), content_type="image/png")
    article = Article.objects.create(title="Có ảnh", body="", image=upload)
    name = article.image.name
    assert name.startswith("news/") and name.endswith(".png")
    assert "anh" not in name
    for size in ("list", "side"):
        assert (media_root / article.thumbnail_name(size)).is_file()
        assert article.thumbnail_url(size).startswith("/media/news/")
    stamp = (media_root / article.thumbnail_name("list")).stat().st_mtime_ns
    article.title = "Có ảnh (sửa)"
    article.save()
    assert (media_root / article.thumbnail_name("list")).stat().st_mtime_ns == stamp
