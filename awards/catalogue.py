"""The award catalogue and the council secretary's group.

``AWARD_FORMS`` is the one list of the law's titles and forms. It is seeded by the data
migration ``0002_seed_award_forms`` only, so a form an administrator deletes stays deleted;
``loaddemo`` (after a ``flush``) seeds it through the same ``seed_award_forms``.

The secretary's group is set after every ``migrate`` (``on_post_migrate``): its permissions
are rows Django itself creates in ``post_migrate``, which a migration cannot rely on in a
fresh database, and granting exactly ``SECRETARY_PERMISSIONS`` is the policy, so an edited
group is put back.
"""

from django.db import transaction

# (code, name, category, recipient, deciding level, secret ballot) — Luật Thi đua, khen
# thưởng 06/2022/QH15; authority per Điều 80.
AWARD_FORMS = [
    ("lao-dong-tien-tien", "Lao động tiên tiến", "title", "individual", "director", False),
    ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "title", "individual", "director", False),
    (
        "tap-the-lao-dong-tien-tien",
        "Tập thể lao động tiên tiến",
        "title",
        "collective",
        "director",
        False,
    ),
    (
        "tap-the-lao-dong-xuat-sac",
        "Tập thể lao động xuất sắc",
        "title",
        "collective",
        "province",
        False,
    ),
    (
        "chien-si-thi-dua-cap-tinh",
        "Chiến sĩ thi đua cấp tỉnh",
        "title",
        "individual",
        "province",
        True,
    ),
    (
        "chien-si-thi-dua-toan-quoc",
        "Chiến sĩ thi đua toàn quốc",
        "title",
        "individual",
        "central",
        True,
    ),
    (
        "co-thi-dua-tinh",
        "Cờ thi đua của Ủy ban nhân dân tỉnh",
        "title",
        "collective",
        "province",
        False,
    ),
    ("giay-khen", "Giấy khen của Giám đốc Sở", "commendation", "both", "director", False),
    (
        "bang-khen-tinh",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "commendation",
        "both",
        "province",
        False,
    ),
    (
        "bang-khen-thu-tuong",
        "Bằng khen của Thủ tướng Chính phủ",
        "commendation",
        "both",
        "central",
        False,
    ),
]

# The dossier each form needs before the council may conclude on it (Attachment.Kind values);
# forms not listed need a báo cáo thành tích. Setting: AWARDS_DOSSIER_REQUIREMENTS.
_BASE_DOSSIER = ["bao-cao-thanh-tich"]
_UPWARD_DOSSIER = ["to-trinh", "bao-cao-thanh-tich", "bien-ban-binh-xet"]
DOSSIER_REQUIREMENTS = {
    "chien-si-thi-dua-co-so": [*_BASE_DOSSIER, "sang-kien"],
    "tap-the-lao-dong-xuat-sac": _UPWARD_DOSSIER,
    "chien-si-thi-dua-cap-tinh": [*_UPWARD_DOSSIER, "sang-kien"],
    "chien-si-thi-dua-toan-quoc": [*_UPWARD_DOSSIER, "sang-kien"],
    "co-thi-dua-tinh": _UPWARD_DOSSIER,
    "bang-khen-tinh": _UPWARD_DOSSIER,
    "bang-khen-thu-tuong": _UPWARD_DOSSIER,
}
DEFAULT_DOSSIER = _BASE_DOSSIER

# Coefficients of the base salary (Nghị định 98/2023/NĐ-CP, Điều 54). Setting:
# AWARDS_REWARD_COEFFICIENTS; forms not listed show no amount.
REWARD_COEFFICIENTS = {
    "lao-dong-tien-tien": "0.3",
    "chien-si-thi-dua-co-so": "1.0",
    "tap-the-lao-dong-tien-tien": "0.8",
    "tap-the-lao-dong-xuat-sac": "1.5",
    "chien-si-thi-dua-cap-tinh": "3.0",
}

SECRETARY_GROUP = "Thư ký Hội đồng"

# Exactly what the council secretary needs: keep the registry, never delete a decision,
# a proposal, a meeting or a nomination (reject it instead); no access outside this app.
SECRETARY_PERMISSIONS = {
    "period": ("view", "add", "change"),
    "emulationblock": ("view", "add", "change"),
    "unit": ("view", "add", "change"),
    "collective": ("view", "add", "change"),
    "individual": ("view", "add", "change"),
    "nomination": ("view", "add", "change"),
    "attachment": ("view", "add", "change", "delete"),
    "emulationregistration": ("view", "add", "change"),
    "disciplinerecord": ("view", "add", "change"),
    "councilmeeting": ("view", "add", "change"),
    "councilconclusion": ("view", "add", "change", "delete"),
    "decision": ("view", "add", "change"),
    "proposal": ("view", "add", "change"),
    "awardform": ("view",),
}


# Models of other apps the secretary keeps: the legal documents a period and a decision cite.
SECRETARY_OTHER_PERMISSIONS = {
    ("documents", "legaldocument"): ("view", "add", "change"),
}


def secretary_codenames():
    return {
        f"{action}_{model}"
        for model, actions in SECRETARY_PERMISSIONS.items()
        for action in actions
    }


def seed_award_forms(AwardForm):
    """Create the forms of ``AWARD_FORMS`` that are missing; edited rows are left alone.

    ``AwardForm`` is passed in, so the data migration can give its historical model.
    """
    for order, (code, name, category, recipient, level, secret) in enumerate(AWARD_FORMS):
        AwardForm.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "recipient": recipient,
                "deciding_level": level,
                "secret_ballot": secret,
                "order": order * 10,
            },
        )


def ensure_award_forms():
    """Seed the catalogue with the current model (demo data after a ``flush``)."""
    from awards.models import AwardForm

    seed_award_forms(AwardForm)


def ensure_secretary_group():
    """The "Thư ký Hội đồng" group with exactly the secretary's permissions."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    group, _created = Group.objects.get_or_create(name=SECRETARY_GROUP)
    wanted = Q(content_type__app_label="awards", codename__in=secretary_codenames())
    for (app_label, model), actions in SECRETARY_OTHER_PERMISSIONS.items():
        wanted |= Q(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    group.permissions.set(Permission.objects.filter(wanted))
    return group


def on_post_migrate(sender, app_config=None, verbosity=1, **kwargs):
    """post_migrate handler of the awards app (connected in ``AwardsConfig.ready``)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    using = kwargs.get("using", "default")
    # The auth app's own handler may run after this one (INSTALLED_APPS order).
    create_permissions(app_config, verbosity=0, using=using)
    if apps.is_installed("documents"):
        create_permissions(apps.get_app_config("documents"), verbosity=0, using=using)
    with transaction.atomic(using=using):
        ensure_secretary_group()
