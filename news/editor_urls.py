"""The rich-text editor's upload URLs (staff only). The editor is wired in news/editor.py."""

from ckeditor_uploader import urls

urlpatterns = urls.urlpatterns
