"""A URLconf for the middleware tests: HTML pages at every kind of path, and a few others."""

from django.http import HttpResponse, JsonResponse
from django.urls import path, re_path


def html_page(request, path=""):
    return HttpResponse("<!DOCTYPE html><title>Trang</title><p>Nội dung</p>")


def json_page(request):
    return JsonResponse({"ok": True})


def missing_page(request):
    return HttpResponse("<p>Không tìm thấy trang</p>", status=404)


def form_page(request):
    return HttpResponse("<p>Đã gửi</p>")


urlpatterns = [
    path("json/", json_page),
    path("missing/", missing_page),
    path("form/", form_page),
    re_path(r"^(?P<path>.*)$", html_page),
]
