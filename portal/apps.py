from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package itself: layout tags, health check, error pages, ``loaddemo``."""

    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        # Connects the page cache's invalidation to every content save, in every process
        # (a management command that edits articles must invalidate too).
        from portal import pagecache  # noqa: F401

        _name_axes_in_vietnamese()


def _name_axes_in_vietnamese():
    """django-axes gives its admin section no name of its own: the index shows "Axes"."""
    from django.apps import apps
    from django.utils.translation import gettext_lazy as _

    if apps.is_installed("axes"):
        apps.get_app_config("axes").verbose_name = _("Đăng nhập sai và tạm khóa")
