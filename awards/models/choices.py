"""Choices shared by the registry's models, services and pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class Stage(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    INTRODUCED = "introduced", _("Đã được khối giới thiệu")
    REVIEWED = "reviewed", _("Đã được Hội đồng bình xét")
    HONOURED = "honoured", _("Đã được tôn vinh, khen thưởng")
    REJECTED = "rejected", _("Không được chọn")
