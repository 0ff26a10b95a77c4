"""Who is visiting, without storing who they are.

A *visitor* is ``sha256(daily salt + client IP + User-Agent)``: stable for one day on every
server, unlinkable once the day's salt is deleted. No raw IP or User-Agent is stored.
Bots and crawlers that say who they are (crawlerdetect's maintained list) are not visitors.
"""

import functools
import hashlib
import secrets

from crawlerdetect import CrawlerDetect
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.net import client_ip
from visitors.conf import salt_retention

_salts = {}
_crawler_detect = CrawlerDetect()


def local_today(now=None):
    """Today's date in the site's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.localdate(now or timezone.now())


def daily_salt(day):
    """The salt of ``day``, created once for all processes, then kept in memory."""
    salt = _salts.get(day)
    if salt is not None:
        return salt
    from visitors.models import DailySalt

    try:
        with transaction.atomic():
            record, created = DailySalt.objects.get_or_create(
                day=day, defaults={"salt": secrets.token_hex(32)}
            )
            if created:
                # Once a day, forget the salts that could link old hashes to anybody,
                # even where nobody scheduled prune_visitor_activity.
                DailySalt.objects.filter(day__lt=day - salt_retention()).delete()
    except IntegrityError:  # another process created it between our read and write
        record = DailySalt.objects.get(day=day)
    _salts.clear()  # keep only the current day's salt in memory
    _salts[day] = record.salt
    return record.salt


def user_agent(request):
    return request.META.get("HTTP_USER_AGENT", "")[:512]


@functools.lru_cache(maxsize=4096)
def is_bot_user_agent(agent):
    """True for an empty User-Agent or one on crawlerdetect's list of bots and crawlers."""
    if not agent.strip():
        return True
    return _crawler_detect.isCrawler(agent)


def is_bot(request):
    return is_bot_user_agent(user_agent(request))


def visitor_id(request, now=None):
    """The anonymous, daily-rotating identifier of the client behind ``request``."""
    cached = getattr(request, "_visitor_id", None)
    if cached is not None:
        return cached
    salt = daily_salt(local_today(now))
    digest = hashlib.sha256(
        f"{salt}|{client_ip(request)}|{user_agent(request)}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    request._visitor_id = digest
    return digest
