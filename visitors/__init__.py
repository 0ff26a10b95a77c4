"""Visitor statistics ("Thống kê truy cập") of the portal.

Definitions (the numbers of the sidebar widget and of the staff report):

* **Khách (visitor)**: ``sha256(daily salt | client IP | User-Agent)``. The salt changes at
  00:00 Asia/Ho_Chi_Minh and is deleted after two days; no raw IP or User-Agent is stored.
  The client IP is ``REMOTE_ADDR``; ``X-Forwarded-For`` is believed only from the proxies in
  ``TRUSTED_PROXIES``. Bots and crawlers (crawlerdetect's list) and logged-in staff are not
  counted.
* **Lượt xem trang (page view)**: a GET answered 200 with an HTML page, outside the admin,
  static and media files, /healthz, /rss/, the sitemap and the editor.
* **Lượt truy cập (visit)**: starts with a visitor's first page view after 30 minutes without
  one. Because the visitor hash rotates at local midnight, a visit also ends at midnight (as
  in Matomo). A visit belongs to the local day on which it started.
* **Đang truy cập (online)**: distinct visitors with a page view in the last 5 minutes.
* **Hôm nay (today)**: visits started since 00:00 today (Asia/Ho_Chi_Minh).
* **Trong tuần (this week)**: visits started since Monday 00:00.
* **Tổng lượt truy cập (total)**: every visit ever recorded plus the starting offset set by
  staff in the admin (the old site's total).

A page rendered anew is rendered before its view is recorded; one answered from the page
cache records it first (so that its Redis script rides with the article's view count, see
``core.redis.redis_batch``). Either way the widget may show numbers up to
``VISITORS_CACHE_SECONDS`` (5) old: a visitor's first page view shows up at most five
seconds later.
"""
