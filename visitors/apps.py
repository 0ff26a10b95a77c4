from django.apps import AppConfig


class VisitorsConfig(AppConfig):
    name = "visitors"
    verbose_name = "Thống kê truy cập"

    def ready(self):
        import pagecache
        from core.readers import register_salt_source
        from visitors.identity import daily_salt
        from visitors.middleware import PAGEVIEW_SCRIPT, pageview_script, record_page_view
        from visitors.selectors import STATS_CACHE_KEY
        from visitors.templatetags.visitors_tags import STAT_NAMES, stat_hole

        # Visitor ids (core.readers) are salted with this app's stored daily salt.
        register_salt_source(daily_salt)
        for name in STAT_NAMES:
            pagecache.register_hole(f"stat_{name}", stat_hole(name))
        # The widget's numbers come in the same cache round trip as the page.
        pagecache.register_prefetch(STATS_CACHE_KEY)
        # A page answered from the cache is still a page view.
        pagecache.register_served_hook(record_page_view)
        # With Redis, in the page's own lookup when the page is as this process last saw it.
        pagecache.register_served_script(PAGEVIEW_SCRIPT, pageview_script)
