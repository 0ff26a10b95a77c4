"""Row counts and a checksum of the content tables, to prove a request changed nothing.

Tables that legitimately record requests are left out: visitor statistics, view and click
counters, sessions and django-axes' login attempts.
"""

import hashlib
import json
import re

from django.apps import apps

SKIPPED_APPS = {"visitors", "axes", "sessions", "contenttypes"}
COUNTER_MODEL = re.compile(r"view|click|visit|stat|hit|impression|salt|activity|daily", re.I)
COUNTER_FIELD = re.compile(r"view|click|impression|hits|count$|last_login|last_seen", re.I)


def snapshot():
    """{model label: (row count, sha256 of its non-counter columns)}."""
    result = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in SKIPPED_APPS or not meta.managed or meta.proxy:
            continue
        if COUNTER_MODEL.search(meta.object_name):
            continue
        columns = [
            field.attname for field in meta.concrete_fields if not COUNTER_FIELD.search(field.name)
        ]
        rows = list(model._default_manager.order_by("pk").values_list(*columns))
        digest = hashlib.sha256(
            json.dumps(rows, default=str, ensure_ascii=False).encode("utf-8", "surrogatepass")
        ).hexdigest()
        result[meta.label] = (len(rows), digest)
    return result


def changed_tables(before, after):
    return sorted(
        label for label in before.keys() | after.keys() if before.get(label) != after.get(label)
    )
