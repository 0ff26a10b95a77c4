"""``core.admin_forms.HTTPS_URL_FIELDS``: every admin address field of the public site's
links takes an address typed without a scheme as ``https://``, without Django 6's
deprecation warning."""

import warnings

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils.deprecation import RemovedInDjango60Warning

from agency.models import ProcedureLink
from banners.models import Banner
from documents.models import LegalDocument


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "field"),
    [
        (ProcedureLink, "url"),
        (Banner, "target_url"),
        (LegalDocument, "national_database_url"),
    ],
)
def test_an_address_without_a_scheme_is_https(django_user_model, model, field):
    request = RequestFactory().get("/admin/")
    request.user = django_user_model.objects.create_superuser("root", "r@example.vn", "x")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RemovedInDjango60Warning)
        form_class = admin.site._registry[model].get_form(request)
        form_field = form_class.base_fields[field]
    assert form_field.clean("sokhcn.caobang.gov.vn/van-ban/") == (
        "https://sokhcn.caobang.gov.vn/van-ban/"
    )
