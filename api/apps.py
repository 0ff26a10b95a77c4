from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only open-data API (/api/): Thông tư 22/2023/TT-BTTTT asks a state portal to
    share its information as structured data through a web service."""

    name = "api"
    verbose_name = "Dữ liệu mở (API)"
