"""Project-wide middleware that belongs to no single app."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.exception import convert_exception_to_response
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property


class AdminContentSecurityPolicyMiddleware:
    """Relax the Content-Security-Policy for the admin and its editor only.

    Public pages allow only the site's own scripts and styles. CKEditor 4 and parts of the
    admin need inline styles and scripts, so responses under the admin and editor prefixes
    get those sources added; every other response keeps the strict policy.

    The editor's upload endpoint answers the image dialog inside a frame of the admin page
    (``window.parent.CKEDITOR.tools.callFunction(...)``), so responses under ``/ckeditor/``
    may be framed by the site itself, never by another site.
    """

    # CKEditor 4.22 runs without 'unsafe-eval' (tests/security/test_editor_csp_browser.py).
    RELAXED = {
        "script-src": ["'unsafe-inline'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["blob:"],
    }
    FRAMEABLE_PREFIX = "/ckeditor/"

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(getattr(settings, "CSP_RELAXED_PREFIXES", ("/admin/", "/ckeditor/")))

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.prefixes):
            return response
        response._csp_update = self.RELAXED
        if request.path.startswith(self.FRAMEABLE_PREFIX):
            response._csp_replace = {"frame-ancestors": ["'self'"]}
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class NullCharacterInRequest(SuspiciousOperation):
    """A NUL character where no legitimate client ever sends one."""


class RejectNullCharactersMiddleware:
    """Answer 400 to requests carrying NUL characters in the path, a form post or cookies,
    and in the query string of the admin and the editor.

    No form of the site accepts them (Django's form fields refuse them too), but
    django-axes (the username of a failed login), the session store (the cookie), the
    admin's filters and autocomplete (``?status=%00``, ``term=%00``) and file paths pass raw
    values on, and PostgreSQL raises ``ValueError`` on a NUL in a string: a 500 for anyone
    typing ``%00``. Public query strings are left to the views, which answer odd searches
    and filters with a friendly page of their own (the hostile-input suite holds them).

    The 400 page is made here, before the inner middleware runs, so it passes through the
    same header middleware as every page (Content-Security-Policy, X-Frame-Options);
    ``SecurityMiddleware`` above adds the rest. Raising ``SuspiciousOperation`` also writes
    a line in the ``django.security`` log.
    """

    FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response
        self.refuse = XFrameOptionsMiddleware(
            CSPMiddleware(convert_exception_to_response(self._raise))
        )

    def __call__(self, request):
        if self._has_null(request):
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def _raise(request):
        raise NullCharacterInRequest("NUL character in the request")

    def _has_null(self, request):
        if "\x00" in request.path_info:
            return True
        if self._in_mapping(request.COOKIES):
            return True
        if request.path_info.startswith(self.strict_prefixes) and (
            "\x00" in request.META.get("QUERY_STRING", "") or self._in_query_dict(request.GET)
        ):
            return True
        if request.method == "POST" and request.content_type in self.FORM_TYPES:
            return self._in_query_dict(request.POST)
        return False

    @cached_property
    def strict_prefixes(self):
        # Staff pages, whose filters hand query values to the database unchecked.
        prefixes = []
        for name, suffix in (("admin:index", ""), ("ckeditor_upload", "upload/")):
            try:
                prefixes.append(reverse(name).removesuffix(suffix))
            except NoReverseMatch:  # a URLconf without them (some tests)
                continue
        return tuple(prefixes)

    @staticmethod
    def _in_query_dict(query_dict):
        return any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in query_dict.lists()
        )

    @staticmethod
    def _in_mapping(mapping):
        return any("\x00" in key or "\x00" in value for key, value in mapping.items())
