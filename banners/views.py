"""``/qc/<id>/``: count a click on a banner, then go to that banner's own address."""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from banners.models import Banner
from banners.services import banner_record_click
from core.readers import is_bot


@never_cache
@require_safe
def click(request, pk):
    """Redirect to the stored address of a visible banner; any query parameter is ignored."""
    banner = get_object_or_404(Banner.objects.active(), pk=pk)
    if request.method == "GET" and not is_bot(request):
        banner_record_click(banner=banner)
    response = HttpResponseRedirect(banner.target_url)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
