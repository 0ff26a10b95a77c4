"""CKEditor's bundled test pages, samples and stand-alone HTML are neither collected nor
served: ``collectstatic`` leaves them out and the finders (``runserver``, whitenoise in
debug) do not find them, while the editor's own files are still there."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

CKEDITOR = Path(__import__("ckeditor").__file__).parent / "static"
EXCLUDED = [
    "ckeditor/ckeditor/plugins/exportpdf/tests/manual/integration.html",
    "ckeditor/ckeditor/plugins/exportpdf/tests/_helpers/tools.js",
    "ckeditor/ckeditor/plugins/preview/preview.html",
    "ckeditor/ckeditor/plugins/wsc/dialogs/ciframe.html",
    "ckeditor/ckeditor/samples/index.html",
    "ckeditor/ckeditor/bender-runner.config.json",
]
NEEDED = [
    "ckeditor/ckeditor/ckeditor.js",
    "ckeditor/ckeditor/config.js",
    "ckeditor/ckeditor/lang/vi.js",
    "ckeditor/ckeditor/plugins/image/dialogs/image.js",
    "ckeditor/ckeditor-init.js",
    "ckeditor/galleriffic/js/jquery.galleriffic.js",
]


def _bundled(path):
    return (CKEDITOR / path).is_file()


def test_the_library_does_bundle_test_pages():
    # Otherwise the tests below would pass for nothing.
    assert _bundled(EXCLUDED[0]) and _bundled(EXCLUDED[2])


@pytest.mark.parametrize("path", EXCLUDED)
def test_the_finders_do_not_find_ckeditors_test_and_sample_pages(path):
    assert finders.find(path) is None
    assert finders.find(path, find_all=True) == []


@pytest.mark.parametrize("path", NEEDED)
def test_the_finders_still_find_what_the_editor_needs(path):
    assert finders.find(path) is not None


def test_collectstatic_leaves_them_out(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", interactive=False, verbosity=0)
    collected = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*")}
    for path in NEEDED:
        assert path in collected, path
    assert not [path for path in collected if "/tests/" in path or "/samples/" in path]
    assert not [
        path for path in collected if path.startswith("ckeditor/") and path.endswith(".html")
    ]
