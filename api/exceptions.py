"""Every refusal of the API in Vietnamese (Django REST framework's own texts are English or
partly translated)."""

from django.http import Http404
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def _message(exc):
    if isinstance(exc, Http404) or (
        isinstance(exc, exceptions.NotFound) and exc.detail == exceptions.NotFound.default_detail
    ):
        return "Không tìm thấy dữ liệu yêu cầu."
    if isinstance(exc, exceptions.NotAcceptable):
        return "Không hỗ trợ định dạng yêu cầu; chỉ nhận JSON hoặc CSV (?format=json, ?format=csv)."
    if isinstance(exc, exceptions.Throttled):
        wait = f" sau {int(exc.wait) + 1} giây" if exc.wait else " sau"
        return f"Quá nhiều yêu cầu từ địa chỉ của bạn; vui lòng thử lại{wait}."
    if isinstance(exc, exceptions.MethodNotAllowed):
        return "Dịch vụ dữ liệu mở chỉ cho phép đọc (GET)."
    return None


def exception_handler(exc, context):
    """DRF's handler, with the Vietnamese ``detail`` of the refusals a reader meets."""
    response = drf_exception_handler(exc, context)
    message = _message(exc)
    if response is not None and message and isinstance(response.data, dict):
        response.data["detail"] = message
    return response
