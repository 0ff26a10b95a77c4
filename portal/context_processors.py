from django.conf import settings


def site_contact():
    """The department's address, phone and e-mail: the one source of the footer and
    /lien-he/ (the ``SITE_CONTACT`` setting; an agency app may later supply them here)."""
    return settings.SITE_CONTACT


def site(request):
    """The department's name and contacts, used by the layout on every page."""
    return {"SITE_NAME": settings.SITE_NAME, "SITE_CONTACT": site_contact()}
