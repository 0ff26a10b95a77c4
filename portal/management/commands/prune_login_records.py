"""``manage.py prune_login_records``: what django-axes keeps about logins, for a while only.

axes stores the client's IP address and User-Agent with every login (``AccessLog``), every
failure (``AccessFailureLog``) and every counted attempt (``AccessAttempt``), and never
deletes the logs by itself. Run daily from cron: logs older than
``LOGIN_RECORDS_RETENTION_DAYS`` (30) are deleted; attempts are deleted once neither lock
(the username's cool-off, the address window) can use them any more.
"""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from portal.login_throttle import client_window


def login_records_prune(*, now=None):
    """Delete expired login records; return how many of each kind went."""
    now = now or timezone.now()
    log_limit = now - timedelta(days=settings.LOGIN_RECORDS_RETENTION_DAYS)
    attempt_limit = now - max(settings.AXES_COOLOFF_TIME, client_window())
    with transaction.atomic():
        logs, _ = AccessLog.objects.filter(attempt_time__lt=log_limit).delete()
        failures, _ = AccessFailureLog.objects.filter(attempt_time__lt=log_limit).delete()
        attempts, _ = AccessAttempt.objects.filter(attempt_time__lt=attempt_limit).delete()
    return {"logs": logs, "failures": failures, "attempts": attempts}


class Command(BaseCommand):
    help = (
        "Xóa nhật ký đăng nhập (django-axes) cũ hơn LOGIN_RECORDS_RETENTION_DAYS ngày và các "
        "lần đăng nhập sai đã hết thời gian khóa."
    )

    def handle(self, *args, **options):
        counts = login_records_prune()
        if options["verbosity"]:
            self.stdout.write(
                "Đã xóa {logs} bản ghi đăng nhập, {failures} bản ghi đăng nhập sai và "
                "{attempts} lần thử đã hết hạn.".format(**counts)
            )
