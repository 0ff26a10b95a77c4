"""Run by test_view_counting in separate OS processes: count views by distinct visitors.

    python -m tests.news.view_worker <article id> <worker number> <threads> <start time>

Each thread opens its own connection to the database named by DATABASE_URL (the test
database), waits for the common start time, records one view and prints the count it got.
"""

import os
import sys
import threading
import time


def main(article_id, worker, threads, start_at):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.db import connection

    from news.models import Article
    from news.services import article_record_view

    barrier = threading.Barrier(threads)
    results, errors = [], []

    def view(number):
        try:
            article = Article.objects.get(pk=article_id)
            barrier.wait(timeout=60)
            time.sleep(max(0.0, start_at - time.time()))
            results.append(
                article_record_view(article=article, visitor=f"visitor-{worker}-{number}")
            )
        except Exception as exc:  # reported to the test through the exit code
            errors.append(repr(exc))
        finally:
            connection.close()

    pool = [threading.Thread(target=view, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    print(" ".join(str(value) for value in results))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    article_id, worker, threads, start_at = sys.argv[1:5]
    sys.exit(main(int(article_id), int(worker), int(threads), float(start_at)))
