"""A separate OS process recording page views, for the concurrency tests.

Usage: python -m tests.visitors.worker <go-file> <now-iso> <threads> <visitor> [<visitor>...]
Each thread (its own database connection) records one page view of one visitor as soon as
<go-file> exists, so that every process writes at the same moment. The database comes from
DATABASE_URL, Redis (optional) from REDIS_URL, exactly as in production; the tests'
Redis key prefix from VISITORS_REDIS_PREFIX.
"""

import os
import sys
import threading
import time
from datetime import datetime


def main(go_file, now_iso, threads, visitors):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.conf import settings

    if os.environ.get("VISITORS_REDIS_PREFIX"):
        settings.VISITORS_REDIS_PREFIX = os.environ["VISITORS_REDIS_PREFIX"]
    from django.db import connection, connections

    from visitors.services import pageview_record

    now = datetime.fromisoformat(now_iso)
    errors = []
    connection.ensure_connection()

    def work(visitor):
        try:
            while not os.path.exists(go_file):
                time.sleep(0.002)
            pageview_record(visitor=visitor, now=now)
        except Exception as exc:  # reported to the parent through the exit code
            errors.append(repr(exc))
        finally:
            connections.close_all()

    pool = [threading.Thread(target=work, args=(v,)) for v in visitors[:threads]]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    go, now_text, count, *names = sys.argv[1:]
    sys.exit(main(go, now_text, int(count), names))
