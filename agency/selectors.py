"""What the agency pages, the footer and the English pages read. One query per question."""

from collections import OrderedDict

from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from agency.models import Disclosure, DisclosureKind, Official, OrgUnit, ProcedureLink
from core.caching import content_cache_seconds


def department():
    """The department itself: the unit without a parent (the first, if staff made two)."""
    return OrgUnit.objects.filter(parent__isnull=True).order_by("order", "id").first()


def unit_tree():
    """The organisation chart: ``[(unit, [(child, [...]), ...]), ...]`` from the roots down.

    One query; a unit whose chain of parents loops (impossible through the admin) is left
    out rather than recursed forever.
    """
    units = list(OrgUnit.objects.all())
    children = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)

    def branch(parent_id, seen):
        return [
            (unit, branch(unit.pk, seen | {unit.pk}))
            for unit in children.get(parent_id, [])
            if unit.pk not in seen
        ]

    return branch(None, frozenset())


def units():
    """Every unit below the department, in chart order, for lists of contacts and tasks."""
    return list(OrgUnit.objects.filter(parent__isnull=False).select_related("parent"))


def leaders():
    return list(Official.objects.filter(is_leader=True).select_related("unit"))


def contact_official():
    """The contact official (Điều 4 khoản 1 điểm e), or None while staff have not named one."""
    return Official.objects.filter(is_contact_point=True).select_related("unit").first()


CONTACT_CACHE_KEY = "agency:site-contact:v1"
# Read by every page's footer: kept in the cache, dropped when a unit is saved or deleted
# (agency.apps); without Redis (a per-process cache) it lives 5 s (core.caching).
CONTACT_CACHE_SECONDS = 60


def _department_contact():
    root = department()
    if root is None or not (root.address or root.phone or root.email):
        return {}
    return {
        "address": root.address,
        "address_en": root.address_en,
        "phone": root.phone,
        "email": root.email,
    }


def site_contact():
    """The department's address, phone and email for the footer, or None without data.

    The address is the English one while English is active (and one is given). Cached, so
    that the footer costs no query on most pages.
    """
    contact = cache.get(CONTACT_CACHE_KEY)
    if contact is None:
        contact = _department_contact()
        cache.set(CONTACT_CACHE_KEY, contact, content_cache_seconds(CONTACT_CACHE_SECONDS))
    if not contact:
        return None
    english = (translation.get_language() or "").startswith("en")
    return {
        "address": contact["address_en"]
        if english and contact["address_en"]
        else contact["address"],
        "phone": contact["phone"],
        "email": contact["email"],
    }


def site_contact_forget(**_kwargs):
    """Drop the cached contact (a unit changed): now, and again when the change commits."""
    cache.delete(CONTACT_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CONTACT_CACHE_KEY))


def procedures_by_field():
    """``[(field, [procedure, ...]), ...]`` in the order of the fields' names."""
    groups = OrderedDict()
    for procedure in ProcedureLink.objects.all():
        groups.setdefault(procedure.field, []).append(procedure)
    return list(groups.items())


def disclosures_by_year():
    """``[(year, [(kind label, [disclosure, ...]), ...]), ...]``, newest year first."""
    labels = dict(DisclosureKind.choices)
    order = list(labels)
    years = OrderedDict()
    for item in Disclosure.objects.order_by("-year", "title"):
        years.setdefault(item.year, {}).setdefault(item.kind, []).append(item)
    return [
        (year, [(labels[kind], kinds[kind]) for kind in order if kind in kinds])
        for year, kinds in years.items()
    ]
