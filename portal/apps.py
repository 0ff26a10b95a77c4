from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package itself: layout tags, health check, error pages, ``loaddemo``."""

    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        # Connects the page cache's invalidation to every content save, in every process
        # (a management command that edits articles must invalidate too).
        from portal import pagecache  # noqa: F401
