"""Static files of installed apps, without what a library ships but the site never uses.

django-ckeditor bundles CKEditor 4's manual test pages (``plugins/*/tests``), samples and
stand-alone HTML pages (the preview and spell-checker frames, plugins our toolbar does not
load). Served from our origin they are pages of ours running old, unmaintained code. This
finder leaves out ``settings.STATICFILES_EXCLUDED`` both when ``collectstatic`` lists the
files (production, CI, ``make run``) and when a file is looked up directly (``runserver``
and whitenoise with finders in debug).
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.utils import matches_patterns


def excluded_patterns():
    return list(getattr(settings, "STATICFILES_EXCLUDED", []))


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    def list(self, ignore_patterns):
        for path, storage in super().list(ignore_patterns):
            if not self.is_excluded(path):
                yield path, storage

    def find(self, path, find_all=False, **kwargs):
        if self.is_excluded(path):
            return []  # what the parent answers for "not here"
        return super().find(path, find_all, **kwargs)

    @staticmethod
    def is_excluded(path):
        patterns = excluded_patterns()
        parts = path.split("/")
        # A pattern names a file or a directory: anything below an excluded folder goes too.
        return any(
            matches_patterns("/".join(parts[:end]), patterns) for end in range(1, len(parts) + 1)
        )
