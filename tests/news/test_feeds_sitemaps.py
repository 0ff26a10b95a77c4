"""RSS and sitemap parse as XML and list the published articles."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.sitemaps import sitemap_locations


def test_rss_lists_the_20_newest_published_articles(reader, make_article):
    articles = [make_article(title=f"Tin RSS {n:02d}") for n in range(22)]
    make_article(title="Nháp RSS", status="draft")
    make_article(title="Hẹn giờ RSS", published_at=timezone.now() + timedelta(days=1))
    response = reader.get("/rss/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles == [f"Tin RSS {n:02d}" for n in range(21, 1, -1)]
    links = [item.findtext("link") for item in root.iter("item")]
    assert links[0] == f"http://testserver{articles[-1].get_absolute_url()}"


def test_rss_descriptions_are_plain_text_escaped_for_html(reader, make_article):
    make_article(title="Tóm tắt nguy hiểm", summary='Thử <script>alert(1)</script> & "x"')
    make_article(title="Thân bài có dấu nhỏ hơn", summary="", body="<p>1 &lt;b&gt; 2</p>")
    root = ET.fromstring(reader.get("/rss/").content)
    descriptions = {
        item.findtext("title"): item.findtext("description") for item in root.iter("item")
    }
    # What a reader renders as HTML shows the characters, never runs them.
    assert descriptions["Tóm tắt nguy hiểm"] == (
        "Thử &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"
    )
    assert "<" not in descriptions["Thân bài có dấu nhỏ hơn"]
    assert "&lt;b&gt;" in descriptions["Thân bài có dấu nhỏ hơn"]


def test_sitemap_lists_published_articles_and_categories(reader, make_article, category):
    published = make_article(title="Trong sơ đồ", category=category)
    draft = make_article(title="Nháp", status="draft")
    locations = set(sitemap_locations(reader))
    assert f"http://testserver{published.get_absolute_url()}" in locations
    assert f"http://testserver{category.get_absolute_url()}" in locations
    assert "http://testserver/tin-tuc/" in locations
    assert f"http://testserver{draft.get_absolute_url()}" not in locations


@pytest.mark.parametrize("path", ["/rss/", "/sitemap.xml", "/sitemap-news.xml"])
def test_feed_and_sitemap_answer_conditional_gets_with_304(client, make_article, path):
    make_article(title="Tin cho bộ đọc tin")
    first = client.get(path)
    assert first.status_code == 200
    assert first.has_header("ETag")
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    if first.has_header("Last-Modified"):
        since = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304
    make_article(title="Một tin mới hơn")
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_rss_references_its_stylesheet_for_people(reader, make_article):
    make_article(title="Tin RSS có kiểu")
    content = reader.get("/rss/").content.decode()
    stylesheet = content.split("?>", 2)[1]
    assert '<?xml-stylesheet href="/static/news/rss.xsl"' in stylesheet
    assert 'type="text/xsl"' in stylesheet
    ET.fromstring(content.encode())  # still a valid feed
    assert reader.get("/rss/")["Content-Type"] == "application/xml; charset=utf-8"
