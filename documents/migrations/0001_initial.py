"""Take over the legal documents from the awards app without moving a row.

The tables stay where ``awards`` created them (state only here); ``0002`` renames them.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import core.documents_files
import core.uploads

KINDS = [
    ("luat", "Luật"),
    ("nghi-dinh", "Nghị định"),
    ("thong-tu", "Thông tư"),
    ("chi-thi", "Chỉ thị"),
    ("quyet-dinh", "Quyết định"),
    ("ke-hoach", "Kế hoạch"),
    ("cong-van", "Công văn"),
    ("huong-dan", "Hướng dẫn"),
    ("thong-bao", "Thông báo"),
    ("to-trinh", "Tờ trình"),
]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("awards", "0002_seed_award_forms"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name="LegalDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.CharField(help_text="Ví dụ: 3617/KH-UBND", max_length=60, unique=True, verbose_name="số, ký hiệu")),
                ("kind", models.CharField(choices=KINDS, max_length=20, verbose_name="loại văn bản")),
                ("issuing_body", models.CharField(max_length=200, verbose_name="cơ quan ban hành")),
                ("issued_on", models.DateField(verbose_name="ngày ban hành")),
                ("effective_on", models.DateField(blank=True, null=True, verbose_name="ngày hiệu lực")),
                ("title", models.TextField(verbose_name="trích yếu")),
                ("signer", models.CharField(blank=True, max_length=120, verbose_name="người ký")),
                ("file", models.FileField(blank=True, help_text="PDF, Word hoặc ảnh, tối đa 10 MB.", upload_to=core.uploads.random_upload_to("awards/documents"), validators=[core.documents_files.DocumentFileValidator()], verbose_name="tệp văn bản")),
                ("is_public", models.BooleanField(default=True, verbose_name="công khai")),
                ("search_text", models.TextField(default="", editable=False)),
            ],
            options={
                "verbose_name": "văn bản",
                "verbose_name_plural": "văn bản",
                "ordering": ["-issued_on", "number"],
                "db_table": "awards_legaldocument",
                "constraints": [models.CheckConstraint(condition=models.Q(("effective_on__isnull", True), ("effective_on__gte", models.F("issued_on")), _connector="OR"), name="awards_legaldocument_effective_after_issued", violation_error_message="Ngày hiệu lực không được trước ngày ban hành.")],
            },
        ),
        migrations.CreateModel(
            name="HistoricalLegalDocument",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("number", models.CharField(db_index=True, help_text="Ví dụ: 3617/KH-UBND", max_length=60, verbose_name="số, ký hiệu")),
                ("kind", models.CharField(choices=KINDS, max_length=20, verbose_name="loại văn bản")),
                ("issuing_body", models.CharField(max_length=200, verbose_name="cơ quan ban hành")),
                ("issued_on", models.DateField(verbose_name="ngày ban hành")),
                ("effective_on", models.DateField(blank=True, null=True, verbose_name="ngày hiệu lực")),
                ("title", models.TextField(verbose_name="trích yếu")),
                ("signer", models.CharField(blank=True, max_length=120, verbose_name="người ký")),
                ("file", models.TextField(blank=True, help_text="PDF, Word hoặc ảnh, tối đa 10 MB.", max_length=100, validators=[core.documents_files.DocumentFileValidator()], verbose_name="tệp văn bản")),
                ("is_public", models.BooleanField(default=True, verbose_name="công khai")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                ("history_type", models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1)),
                ("history_user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "historical văn bản",
                "verbose_name_plural": "historical văn bản",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
                "db_table": "awards_historicallegaldocument",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]
