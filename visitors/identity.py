"""The store of daily salts behind ``core.readers.visitor_id`` (registered in
``visitors.apps``): one random salt per local day, in the database so that every process
and server hashes a visitor the same way, deleted after two days."""

import secrets

from django.db import IntegrityError, transaction

from visitors.conf import salt_retention

_salts = {}


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
