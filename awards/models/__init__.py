"""Models of the exemplar registry (điển hình tiên tiến).

A ``Nomination`` puts one collective or one individual forward for one award form in one
period. It moves registered → introduced (by its emulation block) → reviewed (by a council
meeting) → honoured (by a Director's decision), or is rejected at any stage with a reason.
The moves are made by ``awards.services`` only; these models hold the data and the rules
that a single row must obey (database constraints mirrored in ``clean()``).

One module per part of the registry: ``catalogue`` (award forms, periods), ``people``
(blocks, units, candidates), ``council``, ``outcomes`` (decisions, tờ trình) and
``nominations``, ``registration`` (start-of-year đăng ký thi đua); every public name is
importable from ``awards.models``.
"""

from awards.models.catalogue import AwardForm, Period, PeriodQuerySet
from awards.models.choices import CandidateKind, IssuingLevel, RevocationReason, Stage
from awards.models.council import CouncilConclusion, CouncilMeeting
from awards.models.nominations import Attachment, Nomination, NominationQuerySet
from awards.models.outcomes import Decision, DecisionQuerySet, Proposal
from awards.models.people import (
    CandidateQuerySet,
    Collective,
    DisciplineRecord,
    EmulationBlock,
    Individual,
    Unit,
)
from awards.models.registration import EmulationRegistration

__all__ = [
    "Attachment",
    "AwardForm",
    "CandidateKind",
    "CandidateQuerySet",
    "Collective",
    "CouncilConclusion",
    "CouncilMeeting",
    "Decision",
    "DecisionQuerySet",
    "DisciplineRecord",
    "EmulationRegistration",
    "EmulationBlock",
    "Individual",
    "IssuingLevel",
    "Nomination",
    "NominationQuerySet",
    "Period",
    "PeriodQuerySet",
    "Proposal",
    "RevocationReason",
    "Stage",
    "Unit",
]
