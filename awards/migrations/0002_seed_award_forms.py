"""Seed the award catalogue (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80)."""

from django.db import migrations

# (code, name, category, recipient, deciding level, secret ballot)
AWARD_FORMS = [
    ("lao-dong-tien-tien", "Lao động tiên tiến", "title", "individual", "director", False),
    ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "title", "individual", "director", False),
    ("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "title", "collective", "director", False),
    ("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "title", "collective", "province", False),
    ("chien-si-thi-dua-cap-tinh", "Chiến sĩ thi đua cấp tỉnh", "title", "individual", "province", True),
    ("chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", "title", "individual", "central", True),
    ("co-thi-dua-tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", "title", "collective", "province", False),
    ("giay-khen", "Giấy khen của Giám đốc Sở", "commendation", "both", "director", False),
    ("bang-khen-tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "commendation", "both", "province", False),
    ("bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", "commendation", "both", "central", False),
]


def seed(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
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


def unseed(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    AwardForm.objects.filter(
        code__in=[row[0] for row in AWARD_FORMS], nominations__isnull=True, decisions__isnull=True,
        proposals__isnull=True,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_registry")]

    operations = [migrations.RunPython(seed, unseed)]
