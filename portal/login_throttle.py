"""Login throttling: django-axes' lock per (username, client), plus one per client alone.

axes locks a username tried from one client after ``AXES_FAILURE_LIMIT`` failures. Password
spraying tries a few passwords on many usernames from one address and never reaches that
limit for any pair; so a second, higher limit counts every failure from the client's
address, whatever the username: ``LOGIN_CLIENT_FAILURE_LIMIT`` failures within
``LOGIN_CLIENT_WINDOW`` lock the address until the window has passed. Both locks answer
with the same Vietnamese 429 page (``portal.views.lockout``).

The count is read from axes' own ``AccessAttempt`` rows (one per username, address and
User-Agent, holding its failure count and the time of its latest failure), so nothing more
about the client is stored. axes deletes attempts older than ``AXES_COOLOFF_TIME`` when the
next failure comes, so the window is at most that long (both are 15 minutes).
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def client_failure_limit():
    return getattr(settings, "LOGIN_CLIENT_FAILURE_LIMIT", 30)


def client_window():
    return getattr(settings, "LOGIN_CLIENT_WINDOW", timedelta(minutes=15))


def client_failures(ip_address, *, now=None):
    """Failed logins from ``ip_address`` recorded within the window, any username."""
    if not ip_address:
        return 0
    since = (now or timezone.now()) - client_window()
    attempts = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def client_is_locked(request):
    ip_address = getattr(request, "axes_ip_address", None)
    return client_failures(ip_address) >= client_failure_limit()


class LoginThrottleHandler(AxesDatabaseHandler):
    """axes' database handler with the per-address lock added (``AXES_HANDLER``)."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or client_is_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is not None and not getattr(request, "axes_locked_out", False):
            if client_is_locked(request):
                # The failure that reaches the limit already gets the lockout page.
                request.axes_locked_out = True
                request.axes_credentials = credentials
