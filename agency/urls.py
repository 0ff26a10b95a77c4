"""The agency's pages. The names "about" and "contact" are kept without a namespace: the
layout and other apps link to them by those names."""

from django.urls import path

from agency import views

urlpatterns = [
    path("gioi-thieu/", views.about, name="about"),
    path("gioi-thieu/<slug:slug>/", views.unit_detail, name="agency_unit"),
    path("lien-he/", views.contact, name="contact"),
    path("thu-tuc-hanh-chinh/", views.procedures, name="agency_procedures"),
    path("cong-khai/", views.disclosures, name="agency_disclosures"),
    path("en/", views.en_home, name="agency_en_home"),
    path("en/organisation/", views.en_organisation, name="agency_en_organisation"),
    path("en/functions-and-tasks/", views.en_functions, name="agency_en_functions"),
    path("en/leadership/", views.en_leadership, name="agency_en_leadership"),
    path("en/contact/", views.en_contact, name="agency_en_contact"),
]
