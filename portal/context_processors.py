from django.conf import settings
from django.utils.functional import SimpleLazyObject

from agency.selectors import site_contact as agency_contact


def site_contact():
    """The department's address, phone and e-mail: the one source of the footer, /lien-he/
    and the error pages. What staff entered in the admin ("Cơ cấu tổ chức", the unit without
    a parent), else the ``SITE_CONTACT`` setting until they have."""
    return agency_contact() or settings.SITE_CONTACT


def site(request):
    """The department's name and contacts, used by the layout on every page."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_CONTACT": SimpleLazyObject(site_contact),
        "EMC_SCRIPT_URL": settings.EMC_SCRIPT_URL,
        "EMC_SITE_ID": settings.EMC_SITE_ID,
    }
