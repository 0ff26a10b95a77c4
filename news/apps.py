from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        import pagecache
        from core.media_gates import register_media_gate
        from news import signals
        from news.models import ATTACHMENTS_FOLDER, Article, ArticleSlugHistory, Category
        from news.views import (
            VIEWS_SCRIPT,
            article_views_hole,
            article_views_script,
            attachment_readable,
        )

        signals.connect()
        # ArticleViewer rows change with traffic, not content: they invalidate nothing.
        pagecache.register_models(Article, Category, ArticleSlugHistory)
        pagecache.register_hole("views", article_views_hole)
        # With Redis, the view is counted in the cached page's own lookup.
        pagecache.register_served_script(VIEWS_SCRIPT, article_views_script)
        # A draft's or a scheduled article's attachments are not the public's yet.
        register_media_gate(ATTACHMENTS_FOLDER, attachment_readable)
