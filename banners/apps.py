from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BannersConfig(AppConfig):
    name = "banners"
    verbose_name = _("Quảng cáo hình ảnh")

    def ready(self):
        import pagecache
        from banners import signals  # noqa: F401 - connects the cache invalidation
        from banners.models import Banner

        pagecache.register_models(Banner)
