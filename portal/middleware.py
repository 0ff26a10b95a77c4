"""Project-wide middleware that belongs to no single app."""

from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Relax the Content-Security-Policy for the admin and its editor only.

    Public pages allow only the site's own scripts and styles. CKEditor 4 and parts of the
    admin need inline styles and scripts, so responses under the admin and editor prefixes
    get those sources added; every other response keeps the strict policy.
    """

    RELAXED = {
        "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'unsafe-inline'"],
    }

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(getattr(settings, "CSP_RELAXED_PREFIXES", ("/admin/", "/ckeditor/")))

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.prefixes):
            response._csp_update = self.RELAXED
        return response
