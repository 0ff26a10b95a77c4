"""The rich-text editor's URLs (staff only). The editor is wired in news/editor.py.

``upload/`` is our own view (images only, re-encoded, random names); ``browse/`` is
django-ckeditor's image browser. Both need a staff member who may add or change articles,
asking from a page of this site (``news.editor.editor_access``).
"""

from ckeditor_uploader import views as ckeditor_views
from django.urls import re_path
from django.views.decorators.cache import never_cache

from news.editor import editor_access, upload_image

urlpatterns = [
    re_path(r"^upload/", never_cache(upload_image), name="ckeditor_upload"),
    re_path(
        r"^browse/",
        never_cache(editor_access(ckeditor_views.browse)),
        name="ckeditor_browse",
    ),
]
