"""/van-ban/: the public legal documents, searchable by number and summary."""

from django.core.paginator import Paginator
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
