"""/van-ban/: the public legal documents, searchable by number and summary."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from documents import selectors
from documents.models import LegalDocument

DOCUMENTS_PER_PAGE = 20


@require_safe
def document_list(request):
    search = selectors.document_filter_from(request.GET)
    page = Paginator(selectors.documents(search), DOCUMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "documents/document_list.html",
        {
            "search": search,
            "page_obj": page,
            "documents": page.object_list,
            "kinds": LegalDocument.Kind.choices,
            "years": selectors.document_years(),
        },
    )


@require_safe
def document_detail(request, pk):
    document = get_object_or_404(LegalDocument.objects.public(), pk=pk)
    return render(request, "documents/document_detail.html", {"document": document})


@require_safe
def document_download(request, pk):
    """The file of a public document, saved under its number ("45-QD-SKHCN.pdf")."""
    document = get_object_or_404(LegalDocument.objects.public(), pk=pk)
    if not document.file:
        raise Http404("Văn bản chưa có tệp.")
    try:
        handle = document.file.open("rb")
    except OSError as exc:
        raise Http404("Không tìm thấy tệp của văn bản.") from exc
    return FileResponse(handle, as_attachment=True, filename=document.download_name)
