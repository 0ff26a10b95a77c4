"""What the agency pages, the footer and the English pages read. One query per question."""

from collections import OrderedDict

from django.utils import translation

from agency.models import Disclosure, DisclosureKind, Official, OrgUnit, ProcedureLink


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


def site_contact():
    """The department's address, phone and email for the footer, or None without data.

    The address is the English one while English is active (and one is given).
    """
    root = department()
    if root is None or not (root.address or root.phone or root.email):
        return None
    english = (translation.get_language() or "").startswith("en")
    return {
        "address": (root.address_en if english and root.address_en else root.address),
        "phone": root.phone,
        "email": root.email,
    }


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
