"""PostgreSQL only: the ``unaccent`` extension and the ``news_vi`` text search configuration
(``simple`` words passed through ``unaccent``), used by news.selectors.search_articles.
On other databases this migration does nothing; search there uses Article.search_text.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'news_vi') THEN
    CREATE TEXT SEARCH CONFIGURATION news_vi (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION news_vi
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
      WITH unaccent, simple;
  END IF;
END
$$;
"""

# The extension stays: other apps may call unaccent(); only our configuration goes.
BACKWARD = "DROP TEXT SEARCH CONFIGURATION IF EXISTS news_vi;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("news", "0001_articles_categories_history")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
