"""Public pages of the agency: Vietnamese under /gioi-thieu/, /lien-he/, /thu-tuc-hanh-chinh/,
/cong-khai/, and the English pages under /en/.

The site is Vietnamese (no LocaleMiddleware): English is activated inside the English
views alone, for the time of rendering, so a page shared through the page cache never
changes the number or date formats of a Vietnamese page.
"""

import functools

from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.http import require_safe

from agency import selectors
from agency.models import OrgUnit
from pagecache import cached_page


def english_page(view):
    """Render ``view`` with English active, and say so in ``Content-Language``."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override("en"):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = "en"
        return response

    return wrapper


def _about_context():
    return {
        "department": selectors.department(),
        "tree": selectors.unit_tree(),
        "leaders": selectors.leaders(),
        "units": selectors.units(),
    }


@require_safe
@cached_page
def about(request):
    return render(request, "agency/about.html", _about_context())


@require_safe
@cached_page
def unit_detail(request, slug):
    unit = get_object_or_404(OrgUnit.objects.select_related("parent"), slug=slug)
    return render(
        request,
        "agency/unit_detail.html",
        {"unit": unit, "officials": unit.officials.all(), "children": unit.children.all()},
    )


def _contact_context():
    return {
        "department": selectors.department(),
        "contact": selectors.contact_official(),
        "units": selectors.units(),
    }


@require_safe
@cached_page
def contact(request):
    return render(request, "agency/contact.html", _contact_context())


@require_safe
@cached_page
def procedures(request):
    return render(request, "agency/procedures.html", {"groups": selectors.procedures_by_field()})


@require_safe
@cached_page
def disclosures(request):
    return render(request, "agency/disclosures.html", {"years": selectors.disclosures_by_year()})


# --- English (Nghị định 42/2022, Điều 7 khoản 2) ------------------------------------------


@require_safe
@cached_page
@english_page
def en_home(request):
    return render(
        request,
        "agency/en/home.html",
        {**_contact_context(), "leaders": selectors.leaders()},
    )


def _english_view(template, context):
    """A public English page: ``template`` rendered with ``context()``, page-cached."""

    @require_safe
    @cached_page
    @english_page
    def view(request):
        return render(request, template, context())

    return view


en_organisation = _english_view("agency/en/organisation.html", _about_context)
en_functions = _english_view("agency/en/functions.html", _about_context)
en_leadership = _english_view("agency/en/leadership.html", _about_context)
en_contact = _english_view("agency/en/contact.html", _contact_context)
