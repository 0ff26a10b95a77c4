"""The ceiling of `make bench`: a bare Django view (no database, no template).

Mounted at /bench/bare/ only when PORTAL_BENCH_VIEW=1, so that the benchmark measures it
through the very same gunicorn, settings and middleware as the real pages.
"""

from django.http import HttpResponse


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")
