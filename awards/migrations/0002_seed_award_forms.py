"""Seed the award catalogue (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80).

The list lives in ``awards.catalogue.AWARD_FORMS``, the one place it is written.
"""

from django.db import migrations

from awards.catalogue import AWARD_FORMS, seed_award_forms


def seed(apps, schema_editor):
    seed_award_forms(apps.get_model("awards", "AwardForm"))


def unseed(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    AwardForm.objects.filter(
        code__in=[row[0] for row in AWARD_FORMS], nominations__isnull=True, decisions__isnull=True,
        proposals__isnull=True,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_registry")]

    operations = [migrations.RunPython(seed, unseed)]
