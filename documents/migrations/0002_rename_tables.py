"""Give the legal documents' tables, constraint and content types the ``documents`` name.

The rows, their ids and the permissions granted on them are kept: the content types are
relabelled, not recreated.
"""

from django.db import migrations, models

import core.documents_files
import core.uploads

MODELS = ["legaldocument", "historicallegaldocument"]


def relabel_content_types(apps, schema_editor, old="awards", new="documents"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def unlabel_content_types(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="documents", new="awards")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0001_initial"),
        ("awards", "0003_legal_documents_move_to_documents"),
    ]

    operations = [
        migrations.AlterModelTable(name="legaldocument", table=None),
        migrations.AlterModelTable(name="historicallegaldocument", table=None),
        migrations.RemoveConstraint(
            model_name="legaldocument", name="awards_legaldocument_effective_after_issued"
        ),
        migrations.AddConstraint(
            model_name="legaldocument",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("effective_on__isnull", True),
                    ("effective_on__gte", models.F("issued_on")),
                    _connector="OR",
                ),
                name="documents_legaldocument_effective_after_issued",
                violation_error_message="Ngày hiệu lực không được trước ngày ban hành.",
            ),
        ),
        migrations.AlterField(
            model_name="legaldocument",
            name="file",
            field=models.FileField(
                blank=True,
                help_text="PDF, Word hoặc ảnh, tối đa 10 MB.",
                upload_to=core.uploads.random_upload_to("documents"),
                validators=[core.documents_files.DocumentFileValidator()],
                verbose_name="tệp văn bản",
            ),
        ),
        migrations.RunPython(relabel_content_types, unlabel_content_types),
    ]
