"""Search that scales, and list indexes that end with the id.

``search_text`` becomes three folded lines (title, summary, body) and the database indexes
them (news/search.py): PostgreSQL a generated ``tsvector`` column with a GIN index, SQLite
an FTS5 table kept in step by triggers. The list index gains the id (the tie-breaker of
every list's order) so that a deep page skips index entries only; categories and the
sitemaps' ``lastmod`` get their own ordered indexes.
"""

from django.db import migrations, models

from news.search import article_search_text, drop_index, ensure_index

BATCH = 1000


def refold(apps, schema_editor, *, lines):
    Article = apps.get_model("news", "Article")
    db = schema_editor.connection.alias
    articles = Article.objects.using(db).only("title", "summary", "body").order_by("pk")
    batch = []
    for article in articles.iterator(chunk_size=BATCH):
        text = article_search_text(article.title, article.summary, article.body)
        article.search_text = text if lines else text.replace("\n", " ")
        batch.append(article)
        if len(batch) >= BATCH:
            Article.objects.using(db).bulk_update(batch, ["search_text"])
            batch = []
    if batch:
        Article.objects.using(db).bulk_update(batch, ["search_text"])


def forward(apps, schema_editor):
    refold(apps, schema_editor, lines=True)
    ensure_index(schema_editor.connection)


def backward(apps, schema_editor):
    drop_index(schema_editor.connection)
    refold(apps, schema_editor, lines=False)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_postgresql_unaccent_search"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="news_article_status_pub_idx"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "-published_at", "-id"], name="news_article_status_pub_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["category", "status", "-published_at", "-id"],
                name="news_article_cat_pub_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["status", "-updated_at"], name="news_article_status_upd_idx"),
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]
