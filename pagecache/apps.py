from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The whole-page cache; the apps register their holes and models with it."""

    name = "pagecache"
    verbose_name = "Bộ nhớ đệm trang"
