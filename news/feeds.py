"""RSS 2.0 feed of the 20 newest published articles (/rss/)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed, Stylesheet
from django.utils.html import escape
from django.utils.text import Truncator

from core.text import html_to_text
from news.models import Article


class ReadableRssFeed(Rss201rev2Feed):
    """RSS 2.0 served as ``application/xml``: browsers show ``application/rss+xml`` as raw
    text and never apply the feed's stylesheet; feed readers take either type."""

    content_type = "application/xml; charset=utf-8"


class LatestArticlesFeed(Feed):
    feed_type = ReadableRssFeed
    description = "Tin tức - sự kiện mới nhất của Sở Khoa học và Công nghệ tỉnh Cao Bằng."
    language = "vi"

    def title(self):
        return f"Tin tức - {settings.SITE_NAME}"

    def link(self):
        return reverse("news:list")

    def stylesheets(self):
        # A browser shows the feed as a readable page; feed readers ignore the stylesheet.
        return [Stylesheet(static("news/rss.xsl"), mimetype="text/xsl")]

    def items(self):
        return Article.objects.published().select_related("category").newest_first()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers render <description> as HTML, and both the summary and the body's
        # text are plain text: "<script>" typed in a summary must arrive as text.
        return escape(item.summary or Truncator(html_to_text(item.body)).words(60))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.category.name] if item.category else []
