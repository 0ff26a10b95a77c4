"""Public pages of the registry, and the council's exports.

Views pick the data (from ``awards.selectors``) and the template; the rules live in the
models, selectors and services.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from awards import exports, selectors
from awards.models import Collective, Decision, Individual, Period, Stage


@require_safe
def period_list(request):
    """/dien-hinh-tien-tien/: every public period with its statistics and bar chart."""
    periods = list(selectors.periods_with_statistics())
    return render(request, "awards/period_list.html", {"periods": periods})


@require_safe
def honour_board(request, slug):
    """/dien-hinh-tien-tien/<period>/: the honoured collectives and individuals."""
    period = get_object_or_404(
        Period.objects.public().prefetch_related("legal_documents"), slug=slug
    )
    return render(
        request,
        "awards/honour_board.html",
        {
            "board": selectors.honour_board(period),
            "statistics": selectors.year_statistics(period),
        },
    )


def _candidate_detail(request, model, pk):
    candidate = get_object_or_404(model.objects.honoured().select_related("unit"), pk=pk)
    return render(
        request,
        "awards/candidate_detail.html",
        {
            "candidate": candidate,
            "is_collective": model is Collective,
            "commendations": selectors.candidate_commendations(candidate),
        },
    )


@require_safe
def collective_detail(request, pk):
    return _candidate_detail(request, Collective, pk)


@require_safe
def individual_detail(request, pk):
    return _candidate_detail(request, Individual, pk)


def _public_decision(pk):
    return get_object_or_404(
        selectors.public_decisions().select_related("document", "proposal"), pk=pk
    )


def _decision_with_annex(request, pk, template):
    decision = _public_decision(pk)
    context = {"decision": decision, "annex": selectors.decision_annex(decision)}
    return render(request, template, context)


@require_safe
def decision_print(request, pk):
    """The decision with its annexed lists, laid out for paper (print CSS, official date)."""
    return _decision_with_annex(request, pk, "awards/print/decision.html")


@require_safe
def certificate_print(request, pk, nomination_pk):
    """A printable Giấy khen (or certificate of the title) for one honoured row."""
    decision = _public_decision(pk)
    nomination = get_object_or_404(
        selectors.honoured_nominations().filter(decision=decision), pk=nomination_pk
    )
    return render(
        request,
        "awards/print/certificate.html",
        {"decision": decision, "nomination": nomination},
    )


@require_safe
def decision_detail(request, pk):
    return _decision_with_annex(request, pk, "awards/decision_detail.html")


# --- Exports (council staff only) -------------------------------------------------------


def _require_permission(request, permission):
    if not (request.user.is_staff and request.user.has_perm(permission)):
        raise PermissionDenied


@login_required
@require_safe
def export_nominations(request, fmt):
    """Nominations as .xlsx or .csv; ``?period=<id>`` and ``?stage=<stage>`` filter."""
    _require_permission(request, "awards.view_nomination")
    from awards.models import Nomination

    nominations = Nomination.objects.all()
    filename = "ho-so-de-nghi"
    period_id = request.GET.get("period", "").strip()
    if period_id:
        if not period_id.isdigit():
            return HttpResponseBadRequest("Mã giai đoạn không hợp lệ.".encode())
        period = Period.objects.filter(pk=int(period_id)).first()
        if period is None:
            return HttpResponseBadRequest("Không có giai đoạn này.".encode())
        nominations = nominations.filter(period=period)
        filename += f"-{period.slug}"
    stage = request.GET.get("stage", "").strip()
    if stage:
        if stage not in Stage.values:
            return HttpResponseBadRequest("Bước không hợp lệ.".encode())
        nominations = nominations.filter(stage=stage)
        filename += f"-{stage}"
    filename += f"-{exports.today_suffix()}"
    return exports.nominations_export(nominations, fmt, filename=filename)


@login_required
@require_safe
def export_decisions(request, fmt):
    _require_permission(request, "awards.view_decision")
    return exports.decisions_export(Decision.objects.all(), fmt)
