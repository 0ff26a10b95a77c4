"""Sitemaps of this app, gathered by portal.sitemaps."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Article.objects.published().only("slug", "updated_at").newest_first()

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.all()


class NewsPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["news:home", "news:list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "news": ArticleSitemap,
    "news-categories": CategorySitemap,
    "news-pages": NewsPagesSitemap,
}
