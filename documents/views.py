"""/van-ban/: the public legal documents, searchable; /van-ban/du-thao/: drafts for comment.

The draft pages are deliberately not ``cached_page``: they carry a form (its CSRF token, a
reader's entered values and errors), which must never be served to another reader.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from core.net import client_ip
from documents import selectors, services
from documents.forms import DraftCommentForm
from documents.models import DraftDocument, LegalDocument

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
            "statuses": LegalDocument.Status.choices,
            "fields": selectors.document_fields(),
        },
    )


@require_safe
def document_detail(request, pk):
    document = get_object_or_404(
        LegalDocument.objects.public().select_related("replaced_by"), pk=pk
    )
    replaces = document.replaces.public()
    replaced_by = (
        document.replaced_by if document.replaced_by and document.replaced_by.is_public else None
    )
    return render(
        request,
        "documents/document_detail.html",
        {"document": document, "replaces": replaces, "replaced_by": replaced_by},
    )


@require_safe
def draft_list(request):
    open_drafts, closed_drafts = selectors.draft_lists(timezone.localdate())
    return render(
        request,
        "documents/draft_list.html",
        {"open_drafts": open_drafts, "closed_drafts": closed_drafts},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def draft_detail(request, pk):
    draft = get_object_or_404(DraftDocument.objects.public(), pk=pk)
    today = timezone.localdate()
    status = 200
    refusal = ""
    form = DraftCommentForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.draft_comment_submit(
                    draft=draft,
                    address=client_ip(request),
                    today=today,
                    **form.cleaned_data,
                )
            except services.CommentRefused as refused:
                refusal, status = refused.message, refused.status
            else:
                messages.success(
                    request,
                    "Cảm ơn bạn đã góp ý. Ý kiến đã được gửi tới cán bộ phụ trách; "
                    "góp ý không được công bố tự động.",
                )
                return redirect(draft)
        else:
            status = 400
    return render(
        request,
        "documents/draft_detail.html",
        {"draft": draft, "form": form, "is_open": draft.is_open_on(today), "refusal": refusal},
        status=status,
    )


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
