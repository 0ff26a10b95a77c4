"""Site-wide pages: about, contact, and the sidebar login."""

from django.urls import path
from django.views.generic import TemplateView

from portal import accounts

urlpatterns = [
    path(
        "gioi-thieu/",
        TemplateView.as_view(template_name="portal/about.html"),
        name="about",
    ),
    path(
        "lien-he/",
        TemplateView.as_view(template_name="portal/contact.html"),
        name="contact",
    ),
    path("dang-nhap/", accounts.login_view, name="login"),
    path("dang-xuat/", accounts.logout_view, name="logout"),
]
