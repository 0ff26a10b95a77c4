"""Site-wide pages: the sidebar login. (About and contact are the agency app's.)"""

from django.urls import path

from portal import accounts

urlpatterns = [
    path("dang-nhap/", accounts.login_view, name="login"),
    path("dang-xuat/", accounts.logout_view, name="logout"),
]
