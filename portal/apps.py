from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package itself: layout tags, health check, error pages, ``loaddemo``."""

    name = "portal"
    verbose_name = "Cổng thông tin"
