"""The rich-text editor's URLs (staff only). The editor is wired in news/editor.py.

``upload/`` is our own view (images only, re-encoded, random names); ``browse/`` is
django-ckeditor's image browser, which already requires staff.
"""

from ckeditor_uploader import views as ckeditor_views
from django.contrib.admin.views.decorators import staff_member_required
from django.urls import re_path
from django.views.decorators.cache import never_cache

from news.editor import upload_image

urlpatterns = [
    re_path(r"^upload/", never_cache(upload_image), name="ckeditor_upload"),
    re_path(
        r"^browse/",
        never_cache(staff_member_required(ckeditor_views.browse)),
        name="ckeditor_browse",
    ),
]
