"""Read paths of the registry: statistics, honour boards, candidate histories.

Everything public starts from ``Nomination.objects.honoured()`` (honoured nominations of
public periods); only the aggregate counts of the statistics page look at the others.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from awards.models import (
    CandidateKind,
    Decision,
    Nomination,
    Period,
    Stage,
)

STAT_KEYS = [
    "registered_collectives",
    "registered_individuals",
    "introduced_collectives",
    "introduced_individuals",
    "honoured_collectives",
    "honoured_individuals",
]

# Each stage is counted from the step's own record, so a nomination counts for every step
# it actually passed: one rejected by the council still counts as registered and
# introduced, one rejected by its block only as registered.
_STAGE_FILTERS = {
    "registered": Q(),
    "introduced": Q(nominations__introduced_at__isnull=False),
    "honoured": Q(nominations__stage=Stage.HONOURED),
}
_KIND_SUFFIX = {CandidateKind.COLLECTIVE: "collectives", CandidateKind.INDIVIDUAL: "individuals"}


def periods_with_statistics():
    """Public periods, each annotated with the six counts named in ``STAT_KEYS``."""
    annotations = {}
    for stage, stage_filter in _STAGE_FILTERS.items():
        for kind, suffix in _KIND_SUFFIX.items():
            annotations[f"{stage}_{suffix}"] = Count(
                "nominations",
                filter=stage_filter & Q(nominations__candidate_kind=kind),
            )
    return Period.objects.public().annotate(**annotations).prefetch_related("legal_documents")


@dataclass
class HonourBoard:
    period: Period
    collectives: list = field(default_factory=list)
    individuals: list = field(default_factory=list)


def honoured_nominations():
    return Nomination.objects.honoured().select_related(
        "period", "award_form", "unit", "collective", "individual", "decision"
    )


def honour_board(period):
    """The honoured collectives and individuals of ``period``, with their decisions."""
    board = HonourBoard(period=period)
    rows = honoured_nominations().filter(period=period).order_by("unit__order", "unit__name", "pk")
    for nomination in rows:
        if nomination.candidate_kind == CandidateKind.COLLECTIVE:
            board.collectives.append(nomination)
        else:
            board.individuals.append(nomination)
    return board


def candidate_commendations(candidate):
    """The honoured nominations of one collective or individual, newest period first."""
    return (
        honoured_nominations()
        .filter(**{candidate._meta.model_name: candidate})
        .order_by("-period__start_year", "-decision__signed_on")
    )


def public_decisions():
    """Decisions that honoured at least one nomination of a public period."""
    return Decision.objects.public()
