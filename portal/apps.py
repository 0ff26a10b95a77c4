from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package itself: layout tags, health check, error pages, ``loaddemo``."""

    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        import pagecache
        from portal.templatetags.portal_tags import csrf_hole

        pagecache.register_hole("csrf", csrf_hole)
