"""Infrastructure shared by the project's apps; it imports none of them.

Modules: ``text`` (Vietnamese folding and slugs), ``uploads`` (verified images, random
names), ``documents_files`` (PDF/Office documents checked by content), ``net`` (the client's
address behind trusted proxies), ``counters`` (atomic counter statements), ``redis`` (the
shared Redis connection and Lua scripts), ``readers`` (daily-salted visitor ids, the bot
test, the one rule of "a reader's page view"), ``concurrency`` (the admin's optimistic
lock), ``search`` (the folded admin search), ``history`` (history pages in labels and local
time), ``caching`` (content cache lifetimes, 5 s without a shared cache), ``private_files``
(files served only through a permission check).
"""
