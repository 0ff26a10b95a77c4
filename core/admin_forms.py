"""What the project's admin forms share.

``HTTPS_URL_FIELDS``: a ``ModelAdmin.formfield_overrides`` under which an address typed
without a scheme ("sokhcn.caobang.gov.vn") means ``https://`` (a state agency's links are
HTTPS), and Django 6's new default is already the one used, without its deprecation
warning.
"""

from django.db import models

HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}
