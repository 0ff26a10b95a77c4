"""Legal documents now belong to the ``documents`` app: point the relations there.

State only: the tables and their rows are untouched (``documents.0002`` renames them).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0002_seed_award_forms"),
        ("documents", "0001_initial"),
    ]

    state_operations = [
        migrations.AlterField(
            model_name="decision",
            name="document",
            field=models.OneToOneField(blank=True, help_text="Quyết định dưới dạng văn bản công khai tại mục Văn bản (nếu có).", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="decision", to="documents.legaldocument", verbose_name="văn bản công bố"),
        ),
        migrations.AlterField(
            model_name="historicaldecision",
            name="document",
            field=models.ForeignKey(blank=True, db_constraint=False, help_text="Quyết định dưới dạng văn bản công khai tại mục Văn bản (nếu có).", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="documents.legaldocument", verbose_name="văn bản công bố"),
        ),
        migrations.AlterField(
            model_name="period",
            name="legal_documents",
            field=models.ManyToManyField(blank=True, related_name="periods", to="documents.legaldocument", verbose_name="văn bản căn cứ"),
        ),
        migrations.DeleteModel(name="HistoricalLegalDocument"),
        migrations.DeleteModel(name="LegalDocument"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]
