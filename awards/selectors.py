"""Read paths of the registry: statistics, honour boards, candidate histories.

Everything public starts from ``Nomination.objects.honoured()`` (honoured nominations of
public periods); only the aggregate counts of the statistics page look at the others.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from django.db.models import Count, Q

from awards import conf
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
    """Public periods, newest first, each annotated with the six counts named in
    ``STAT_KEYS`` (an aggregate ignores ``Meta.ordering``: the order is given here)."""
    annotations = {}
    for stage, stage_filter in _STAGE_FILTERS.items():
        for kind, suffix in _KIND_SUFFIX.items():
            annotations[f"{stage}_{suffix}"] = Count(
                "nominations",
                filter=stage_filter & Q(nominations__candidate_kind=kind),
            )
    return (
        Period.objects.public()
        .annotate(**annotations)
        .order_by("-start_year", "-end_year", "name")
        .prefetch_related("legal_documents")
    )


@dataclass
class HonourBoard:
    period: Period
    collectives: list = field(default_factory=list)
    individuals: list = field(default_factory=list)


def honoured_nominations():
    return Nomination.objects.honoured().select_related(
        "period", "award_form", "unit", "collective", "individual", "decision"
    )


@dataclass
class YearStatistics:
    """Honoured rows of a period counted per year × form, and per unit × year."""

    years: list
    forms: list
    by_form: list  # [(form, [count per year], total)]
    by_unit: list  # [(unit name, [count per year], total)]
    totals: list  # [count per year]

    def _cells(self, rows):
        return [
            (name, list(zip(self.years, values, strict=True)), total)
            for name, values, total in rows
        ]

    @property
    def by_form_cells(self):
        """``by_form`` with each count beside its year, for tables that label every cell."""
        return self._cells(self.by_form)

    @property
    def by_unit_cells(self):
        """``by_unit`` with each count beside its year."""
        return self._cells(self.by_unit)


def year_statistics(period, *, rows=None):
    """Counts of the public honoured rows of ``period`` by year, award form and unit."""
    if rows is None:
        rows = honoured_nominations().filter(period=period)
    counts = (
        rows.values("year", "award_form__name", "award_form__order", "unit__name", "unit__order")
        .annotate(n=Count("pk"))
        .order_by()
    )
    years = list(range(period.start_year, period.end_year + 1))
    by_form, by_unit = {}, {}
    for row in counts:
        index = years.index(row["year"]) if row["year"] in years else None
        if index is None:
            continue
        form_key = (row["award_form__order"], row["award_form__name"])
        unit_key = (row["unit__order"], row["unit__name"])
        by_form.setdefault(form_key, [0] * len(years))[index] += row["n"]
        by_unit.setdefault(unit_key, [0] * len(years))[index] += row["n"]
    totals = [sum(col) for col in zip(*by_form.values(), strict=True)] or [0] * len(years)
    return YearStatistics(
        years=years,
        forms=[name for _order, name in sorted(by_form)],
        by_form=[(name, values, sum(values)) for (_o, name), values in sorted(by_form.items())],
        by_unit=[(name, values, sum(values)) for (_o, name), values in sorted(by_unit.items())],
        totals=totals,
    )


def honour_board(period):
    """The honoured collectives and individuals of ``period``, with their decisions."""
    board = HonourBoard(period=period)
    rows = (
        honoured_nominations()
        .filter(period=period)
        .order_by("-year", "award_form__order", "unit__order", "unit__name", "pk")
    )
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
        .order_by("-year", "-decision__signed_on", "award_form__order")
    )


@dataclass
class AnnexGroup:
    """One annexed list of a decision: the rows of one award form and their reward."""

    award_form: object
    rows: list
    coefficient: Decimal | None = None
    amount: Decimal | None = None  # per row

    @property
    def subtotal(self):
        return None if self.amount is None else self.amount * len(self.rows)


@dataclass
class DecisionAnnex:
    groups: list
    base_salary: Decimal

    @property
    def total(self):
        return sum((g.subtotal for g in self.groups if g.subtotal is not None), Decimal(0))

    @property
    def has_amounts(self):
        return any(g.amount is not None for g in self.groups)


def decision_annex(decision, rows=None):
    """The decision's rows grouped by award form, with each form's reward amount
    (coefficient × mức lương cơ sở, Nghị định 98/2023/NĐ-CP, Điều 54) and the total."""
    if rows is None:
        rows = honoured_nominations().filter(decision=decision)
    rows = sorted(
        rows, key=lambda n: (n.award_form.order, n.candidate_kind, n.unit.order, n.unit.name, n.pk)
    )
    base = conf.base_salary()
    coefficients = conf.reward_coefficients()
    groups = []
    for form, members in groupby(rows, key=lambda n: n.award_form):
        coefficient = coefficients.get(form.code)
        groups.append(
            AnnexGroup(
                award_form=form,
                rows=list(members),
                coefficient=coefficient,
                amount=None if coefficient is None else coefficient * base,
            )
        )
    return DecisionAnnex(groups=groups, base_salary=base)


def public_decisions():
    """Decisions that honoured at least one nomination of a public period."""
    return Decision.objects.public()
