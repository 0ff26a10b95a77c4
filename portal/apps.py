from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project's wiring: layout tags, health check, error pages, ``loaddemo``, and the
    connections between apps that must not know each other."""

    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        import pagecache
        from news.selectors import most_viewed_articles, most_viewed_in_month
        from portal.templatetags.portal_tags import csrf_hole
        from visitors.selectors import MOST_VIEWED, MOST_VIEWED_IN_MONTH, register_article_source

        pagecache.register_hole("csrf", csrf_hole)
        # The statistics report lists the most viewed articles without importing news.
        register_article_source(MOST_VIEWED, most_viewed_articles)
        register_article_source(MOST_VIEWED_IN_MONTH, most_viewed_in_month)

        _name_axes_in_vietnamese()


def _name_axes_in_vietnamese():
    """django-axes gives its admin section no name of its own: the index shows "Axes"."""
    from django.apps import apps
    from django.utils.translation import gettext_lazy as _

    if apps.is_installed("axes"):
        apps.get_app_config("axes").verbose_name = _("Đăng nhập sai và tạm khóa")
