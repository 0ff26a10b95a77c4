"""The award catalogue and the council secretary's group, kept present after every migrate.

The initial rows come from the data migration ``0002_seed_award_forms``; ``ensure_*``
re-creates whatever is missing after ``migrate`` and ``flush`` (tests that truncate
tables), without touching rows an administrator has edited.
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

SECRETARY_GROUP = "Thư ký Hội đồng"

# Exactly what the council secretary needs: keep the registry, never delete a decision,
# a proposal, a meeting or a nomination (reject it instead); no access outside this app.
SECRETARY_PERMISSIONS = {
    "period": ("view", "add", "change"),
    "legaldocument": ("view", "add", "change"),
    "emulationblock": ("view", "add", "change"),
    "unit": ("view", "add", "change"),
    "collective": ("view", "add", "change"),
    "individual": ("view", "add", "change"),
    "nomination": ("view", "add", "change"),
    "attachment": ("view", "add", "change", "delete"),
    "councilmeeting": ("view", "add", "change"),
    "councilconclusion": ("view", "add", "change", "delete"),
    "decision": ("view", "add", "change"),
    "proposal": ("view", "add", "change"),
    "awardform": ("view",),
}


def secretary_codenames():
    return {
        f"{action}_{model}"
        for model, actions in SECRETARY_PERMISSIONS.items()
        for action in actions
    }


def ensure_award_forms():
    from awards.models import AwardForm

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


def ensure_secretary_group():
    """The "Thư ký Hội đồng" group with exactly ``SECRETARY_PERMISSIONS``."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=SECRETARY_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label="awards", codename__in=secretary_codenames()
    )
    group.permissions.set(permissions)
    return group


def on_post_migrate(sender, app_config=None, verbosity=1, **kwargs):
    """post_migrate handler of the awards app (connected in ``AwardsConfig.ready``)."""
    from django.contrib.auth.management import create_permissions

    # The auth app's own handler may run after this one (INSTALLED_APPS order).
    create_permissions(app_config, verbosity=0, using=kwargs.get("using", "default"))
    with transaction.atomic(using=kwargs.get("using", "default")):
        ensure_award_forms()
        ensure_secretary_group()
