"""URLs for test_concurrency: the project's URLs plus an admin site using the mixin."""

from django.urls import path

from portal.urls import urlpatterns as project_urlpatterns
from tests.security.test_concurrency import locking_site

handler500 = "portal.views.server_error"

urlpatterns = [path("locking-admin/", locking_site.urls), *project_urlpatterns]
