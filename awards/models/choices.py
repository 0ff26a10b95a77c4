"""Choices shared by the registry's models, services and pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class Stage(models.TextChoices):
    REGISTERED = "registered", _("Đã lập hồ sơ đề nghị")
    INTRODUCED = "introduced", _("Đã được khối giới thiệu")
    REVIEWED = "reviewed", _("Đã được Hội đồng bình xét")
    HONOURED = "honoured", _("Đã được tôn vinh, khen thưởng")
    REJECTED = "rejected", _("Không được chọn")
    REVOKED = "revoked", _("Đã bị hủy khen thưởng")


class IssuingLevel(models.TextChoices):
    """Who signs a decision; the catalogue's deciding level says which one is expected."""

    DIRECTOR = "director", _("Giám đốc Sở")
    PROVINCE = "province", _("Chủ tịch Ủy ban nhân dân tỉnh")
    PRIME_MINISTER = "prime_minister", _("Thủ tướng Chính phủ")
    PRESIDENT = "president", _("Chủ tịch nước")


class RevocationReason(models.TextChoices):
    """Grounds for withdrawing an award (Luật Thi đua, khen thưởng 2022, Chương VII)."""

    FALSE_DECLARATION = "false_declaration", _("Gian dối trong kê khai thành tích")
    FORGED_PAPERS = "forged_papers", _("Làm giả hồ sơ, giấy tờ đề nghị khen thưởng")
    UNLAWFUL_APPRAISAL = (
        "unlawful_appraisal",
        _("Xác nhận, thẩm định, xét duyệt, đề nghị khen thưởng trái pháp luật"),
    )
    LATER_FINDING = (
        "later_finding",
        _("Phát hiện sau khi khen thưởng: vi phạm trong thời gian lập thành tích"),
    )
