"""Demo content of the awards app, loaded by ``manage.py loaddemo``.

The 2015–2020 period of the seed article: its two legal documents, the department's two
emulation blocks and six units, and records that reproduce the article's figures through
the real workflow: 12 collectives and 56 individuals registered, 5 and 18 introduced by the
blocks, 3 and 6 honoured through one council meeting and the Director's decision
45/QĐ-SKHCN of 08/09/2017. Names of people are invented.

Year after year, in a period of its own (so the seed article's figures stay as published):
the annual titles of 2015–2020 (Lao động tiên tiến and one Chiến sĩ thi đua cơ sở each
year, each year's Director's decision holding both lists), one Bằng khen of the provincial
chairman recorded through a tờ trình and the province's decision, and one award revoked.
"""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from awards import conf, services
from awards.catalogue import DEFAULT_DOSSIER, ensure_award_forms, ensure_secretary_group
from awards.models import (
    Attachment,
    AwardForm,
    Collective,
    CouncilMeeting,
    EmulationBlock,
    Individual,
    Nomination,
    Period,
    RevocationReason,
    Stage,
    Unit,
)
from documents.models import LegalDocument
from documents.pdf import document_pdf

PERIOD = {"slug": "2015-2020", "name": "2015-2020", "start_year": 2015, "end_year": 2020}
YEAR = 2017

DOCUMENTS = [
    {
        "number": "3617/KH-UBND",
        "kind": LegalDocument.Kind.PLAN,
        "issuing_body": "Ủy ban nhân dân tỉnh Cao Bằng",
        "issued_on": datetime.date(2015, 12, 15),
        "effective_on": datetime.date(2015, 12, 15),
        "title": "Kế hoạch xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2015-2020",
    },
    {
        "number": "1295/SNV-BTĐKH",
        "kind": LegalDocument.Kind.OFFICIAL_LETTER,
        "issuing_body": "Sở Nội vụ tỉnh Cao Bằng",
        "issued_on": datetime.date(2016, 7, 14),
        "effective_on": datetime.date(2016, 7, 14),
        "title": "Về việc tiếp tục giới thiệu các gương điển hình tiên tiến giai đoạn 2015-2020",
    },
]

DECISION = {
    "number": "45/QĐ-SKHCN",
    "date": datetime.date(2017, 9, 8),
    "signer": "Nông Văn Thành",
    "signer_position": "Giám đốc Sở",
    "title": "Về việc tặng Giấy khen cho các tập thể, cá nhân điển hình tiên tiến trong "
    "công tác xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2015-2017",
}
MEETING = {"held_on": datetime.date(2017, 8, 30), "members_total": 9, "members_present": 8}

BLOCKS = {
    "Khối Văn phòng Sở và các phòng chuyên môn": [
        ("Văn phòng Sở", Unit.Kind.OFFICE),
        ("Thanh tra Sở", Unit.Kind.OFFICE),
        ("Phòng Quản lý khoa học", Unit.Kind.OFFICE),
        ("Phòng Quản lý công nghệ và Thị trường công nghệ", Unit.Kind.OFFICE),
    ],
    "Khối các đơn vị sự nghiệp trực thuộc": [
        ("Chi cục Tiêu chuẩn Đo lường Chất lượng", Unit.Kind.AFFILIATE),
        ("Trung tâm Thông tin và Ứng dụng khoa học công nghệ", Unit.Kind.AFFILIATE),
    ],
}

# (collective, unit); the first five are introduced, the first three honoured.
COLLECTIVES = [
    ("Phòng Quản lý khoa học", "Phòng Quản lý khoa học"),
    ("Phòng Thông tin - Thống kê", "Trung tâm Thông tin và Ứng dụng khoa học công nghệ"),
    ("Phòng Quản lý Đo lường", "Chi cục Tiêu chuẩn Đo lường Chất lượng"),
    ("Thanh tra Sở", "Thanh tra Sở"),
    ("Tổ Hành chính - Tổng hợp", "Văn phòng Sở"),
    ("Văn phòng Sở", "Văn phòng Sở"),
    ("Tổ Kế toán", "Văn phòng Sở"),
    (
        "Phòng Quản lý công nghệ và Thị trường công nghệ",
        "Phòng Quản lý công nghệ và Thị trường công nghệ",
    ),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Chi cục Tiêu chuẩn Đo lường Chất lượng"),
    ("Phòng Quản lý Tiêu chuẩn chất lượng", "Chi cục Tiêu chuẩn Đo lường Chất lượng"),
    (
        "Trung tâm Thông tin và Ứng dụng khoa học công nghệ",
        "Trung tâm Thông tin và Ứng dụng khoa học công nghệ",
    ),
    (
        "Phòng Ứng dụng và Chuyển giao công nghệ",
        "Trung tâm Thông tin và Ứng dụng khoa học công nghệ",
    ),
]
COLLECTIVES_INTRODUCED = 5
COLLECTIVES_HONOURED = 3

INDIVIDUALS_TOTAL = 56
INDIVIDUALS_INTRODUCED = 18
INDIVIDUALS_HONOURED = 6

SURNAMES = ["Hoàng", "Nông", "Lục", "Đàm", "Bế", "Lương", "Triệu", "Hà"]
MIDDLE = {"m": ["Văn", "Đức", "Minh"], "f": ["Thị", "Thu", "Thị Hồng"]}
GIVEN = {
    "m": ["Hùng", "Dũng", "Tuấn", "Cường", "Thắng", "Hải", "Long", "Quân", "Sơn", "Trung"],
    "f": ["Lan", "Hương", "Mai", "Thảo", "Hằng", "Nga", "Yến", "Linh", "Huyền", "Trang"],
}
POSITIONS = {
    "Văn phòng Sở": ["Chánh Văn phòng", "Kế toán viên", "Chuyên viên", "Văn thư"],
    "Thanh tra Sở": ["Chánh Thanh tra", "Thanh tra viên", "Chuyên viên"],
    "Phòng Quản lý khoa học": ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"],
    "Phòng Quản lý công nghệ và Thị trường công nghệ": [
        "Trưởng phòng",
        "Phó Trưởng phòng",
        "Chuyên viên",
    ],
    "Chi cục Tiêu chuẩn Đo lường Chất lượng": ["Chi cục trưởng", "Kiểm định viên", "Chuyên viên"],
    "Trung tâm Thông tin và Ứng dụng khoa học công nghệ": [
        "Giám đốc Trung tâm",
        "Kỹ sư",
        "Viên chức",
    ],
}
ACHIEVEMENTS = [
    "Hoàn thành xuất sắc nhiệm vụ được giao; tích cực tham gia phong trào thi đua yêu nước.",
    "Có sáng kiến cải tiến quy trình quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh.",
    "Đi đầu trong ứng dụng công nghệ thông tin và chuyển giao tiến bộ kỹ thuật về cơ sở.",
    "Tham mưu hiệu quả công tác tiêu chuẩn, đo lường, chất lượng trên địa bàn tỉnh.",
]


def _people():
    """56 invented, distinct names with a unit and a position, always in the same order."""
    units = list(POSITIONS)
    combos = itertools.product(range(10), SURNAMES, ["m", "f"])
    people = []
    for index, (given_i, surname, sex) in enumerate(combos):
        if len(people) == INDIVIDUALS_TOTAL:
            break
        middle = MIDDLE[sex][index % len(MIDDLE[sex])]
        unit = units[index % len(units)]
        positions = POSITIONS[unit]
        people.append(
            (
                f"{surname} {middle} {GIVEN[sex][given_i]}",
                positions[(index // len(units)) % len(positions)],
                unit,
            )
        )
    return people


def _demo_user():
    User = get_user_model()
    user = User.objects.filter(username="admin").first()
    if user is None:
        user = User.objects.filter(is_superuser=True).order_by("pk").first()
    if user is None:
        user, _created = User.objects.get_or_create(
            username="thu-ky-mau", defaults={"first_name": "Thư ký", "is_staff": True}
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(ensure_secretary_group())
    return user


def _at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _reference_data():
    documents = [
        LegalDocument.objects.get_or_create(number=row["number"], defaults=row)[0]
        for row in DOCUMENTS
    ]
    for document in documents:
        _attach_document_file(document)
    period, _created = Period.objects.get_or_create(
        slug=PERIOD["slug"],
        defaults={
            **PERIOD,
            "legal_basis": "Kế hoạch số 3617/KH-UBND ngày 15/12/2015 của Ủy ban nhân dân tỉnh "
            "Cao Bằng; Công văn số 1295/SNV-BTĐKH ngày 14/7/2016 của Sở Nội vụ về việc tiếp tục "
            "giới thiệu các gương điển hình tiên tiến giai đoạn 2015-2020.",
        },
    )
    period.legal_documents.add(*documents)
    units = {}
    for block_order, (block_name, unit_rows) in enumerate(BLOCKS.items()):
        block, _created = EmulationBlock.objects.get_or_create(
            name=block_name, defaults={"order": block_order}
        )
        for unit_order, (unit_name, kind) in enumerate(unit_rows):
            units[unit_name], _created = Unit.objects.get_or_create(
                name=unit_name,
                defaults={"block": block, "kind": kind, "order": block_order * 10 + unit_order},
            )
    collectives = [
        Collective.objects.get_or_create(name=name, unit=units[unit])[0]
        for name, unit in COLLECTIVES
    ]
    individuals = [
        Individual.objects.get_or_create(
            full_name=name, unit=units[unit], defaults={"position": position}
        )[0]
        for name, position, unit in _people()
    ]
    return period, collectives, individuals


def _attach_document_file(document):
    """A small real PDF for a demo document that has no file yet."""
    if not document.file:
        document.file.save("van-ban.pdf", ContentFile(document_pdf(document)), save=False)
        document.save(update_fields=["file"])


# The smallest file the upload validator accepts as a PDF: demo dossiers are placeholders.
PLACEHOLDER_PDF = b"%PDF-1.4\n% Tai lieu mau cua du lieu demo\n%%EOF\n"


def _attach_dossier(nomination):
    """Placeholder files for every line of the nomination's dossier checklist."""
    required = conf.dossier_requirements().get(nomination.award_form.code, DEFAULT_DOSSIER)
    for kind in required:
        attachment = Attachment(
            nomination=nomination, kind=kind, title=f"{Attachment.Kind(kind).label} (bản mẫu)"
        )
        attachment.file.save(f"{kind}.pdf", ContentFile(PLACEHOLDER_PDF), save=False)
        attachment.save()


ANNUAL_PERIOD = {
    "slug": "thi-dua-thuong-xuyen-2015-2020",
    "name": "Thi đua thường xuyên 2015-2020",
    "start_year": 2015,
    "end_year": 2020,
}
ANNUAL_YEARS = range(2015, 2021)
ANNUAL_WORKERS = 7  # Lao động tiên tiến each year; the first is also Chiến sĩ thi đua cơ sở
PROVINCE = {
    "proposal": "25/TTr-SKHCN",
    "proposal_date": datetime.date(2019, 11, 20),
    "number": "2150/QĐ-UBND",
    "date": datetime.date(2019, 12, 26),
    "issuing_body": "Chủ tịch UBND tỉnh Cao Bằng",
    "signer": "Lý Văn Quyết",
    "signer_position": "Chủ tịch",
}


def _walk_year(period, year, rows, *, by):
    """Introduce, review (one meeting) and return the reviewed rows of ``year``."""
    for nomination in rows:
        services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=by)
        _attach_dossier(nomination)
    meeting = CouncilMeeting.objects.create(
        period=period,
        held_on=datetime.date(year, 11, 15),
        title=f"Họp Hội đồng Thi đua, khen thưởng Sở bình xét năm {year}",
        members_total=9,
        members_present=8,
    )
    services.council_meeting_record(
        meeting=meeting,
        conclusions=[{"nomination": n, "votes_for": 8, "written_for": 1} for n in rows],
        by=by,
    )


def _annual(individuals, collectives, *, by):
    """The annual titles of 2015–2020, a provincial Bằng khen and one revoked award."""
    period, _created = Period.objects.get_or_create(
        slug=ANNUAL_PERIOD["slug"],
        defaults={
            **ANNUAL_PERIOD,
            "legal_basis": "Luật Thi đua, khen thưởng; danh hiệu thi đua xét hằng năm.",
        },
    )
    if Nomination.objects.filter(period=period).exists():
        return period
    forms = {f.code: f for f in AwardForm.objects.all()}
    # The seed's honoured people and one never introduced: a candidate the council did not
    # choose in 2017 keeps no public page.
    workers = [*individuals[: ANNUAL_WORKERS - 1], individuals[INDIVIDUALS_INTRODUCED]]
    for year in ANNUAL_YEARS:
        rows = [
            services.nomination_register(
                period=period,
                award_form=forms[AwardForm.LAO_DONG_TIEN_TIEN],
                individual=person,
                year=year,
                achievements=ACHIEVEMENTS[index % len(ACHIEVEMENTS)],
                by=by,
            )
            for index, person in enumerate(workers)
        ]
        rows.append(
            services.nomination_register(
                period=period,
                award_form=forms[AwardForm.CHIEN_SI_THI_DUA_CO_SO],
                individual=workers[year % len(workers)],
                year=year,
                achievements=ACHIEVEMENTS[1],
                by=by,
            )
        )
        province_row = None
        if year == PROVINCE["proposal_date"].year:
            province_row = services.nomination_register(
                period=period,
                award_form=forms["bang-khen-tinh"],
                collective=collectives[0],
                year=year,
                achievements="Hoàn thành xuất sắc nhiệm vụ khoa học và công nghệ năm 2019.",
                by=by,
            )
            rows.append(province_row)
        _walk_year(period, year, rows, by=by)
        services.decision_issue(
            number=f"{60 + year % 100}/QĐ-SKHCN",
            date=datetime.date(year, 12, 20),
            signer=DECISION["signer"],
            signer_position=DECISION["signer_position"],
            nominations=[n for n in rows if n is not province_row],
            by=by,
        )
        if province_row is not None:
            proposal = services.proposal_submit(
                number=PROVINCE["proposal"],
                date=PROVINCE["proposal_date"],
                nominations=[province_row],
                by=by,
            )
            services.decision_record_external(
                proposal=proposal,
                **{key: PROVINCE[key] for key in services.EXTERNAL_DECISION_PARTICULARS},
                honoured=[province_row],
                by=by,
            )
    revoked = Nomination.objects.get(
        period=period,
        year=2016,
        individual=workers[-1],
        award_form=forms[AwardForm.LAO_DONG_TIEN_TIEN],
    )
    services.nomination_revoke(nomination=revoked, reason=RevocationReason.FALSE_DECLARATION, by=by)
    return period


def load(*, stdout=None):
    """Create this app's demo records; running it again changes nothing."""
    ensure_award_forms()
    ensure_secretary_group()
    period, collectives, individuals = _reference_data()
    by = _demo_user()
    if Nomination.objects.filter(period=period).exists():
        _annual(individuals, collectives, by=by)
        return
    giay_khen = AwardForm.objects.get(code="giay-khen")

    groups = [
        (collectives, "collective", COLLECTIVES_INTRODUCED, COLLECTIVES_HONOURED),
        (individuals, "individual", INDIVIDUALS_INTRODUCED, INDIVIDUALS_HONOURED),
    ]
    introduced, honoured, conclusions = [], [], []
    for candidates, field, n_introduced, n_honoured in groups:
        # The ones that stay at "registered" are created first (lowest ids), then the
        # ones that go further; the order of the lists decides who goes how far.
        for index, candidate in reversed(list(enumerate(candidates))):
            nomination = services.nomination_register(
                period=period,
                award_form=giay_khen,
                year=YEAR,
                achievements=ACHIEVEMENTS[index % len(ACHIEVEMENTS)],
                by=by,
                **{field: candidate},
            )
            if index >= n_introduced:
                continue
            services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=by)
            introduced.append(nomination.pk)
            chosen = index < n_honoured
            if chosen:
                honoured.append(nomination)
            conclusions.append(
                {
                    "nomination": nomination,
                    "votes_for": 8 - index % 2 if chosen else 3 + index % 2,
                    "votes_against": index % 2 if chosen else 5 - index % 2,
                    "proposed": chosen,
                }
            )

    for nomination in honoured:
        _attach_dossier(nomination)
    meeting = CouncilMeeting.objects.create(
        period=period, title="Họp Hội đồng Thi đua, khen thưởng Sở", **MEETING
    )
    services.council_meeting_record(meeting=meeting, conclusions=conclusions, by=by)
    document, _created = LegalDocument.objects.get_or_create(
        number=DECISION["number"],
        defaults={
            "kind": LegalDocument.Kind.DECISION,
            "issuing_body": "Sở Khoa học và Công nghệ tỉnh Cao Bằng",
            "issued_on": DECISION["date"],
            "effective_on": DECISION["date"],
            "title": DECISION["title"],
            "signer": DECISION["signer"],
        },
    )
    _attach_document_file(document)
    services.decision_issue(
        number=DECISION["number"],
        date=DECISION["date"],
        signer=DECISION["signer"],
        signer_position=DECISION["signer_position"],
        nominations=honoured,
        document=document,
        by=by,
    )

    # The steps happened in 2017: date the records as they were, not as loaded today.
    nominations = Nomination.objects.filter(period=period)
    nominations.update(registered_at=_at(datetime.date(2017, 6, 15)))
    nominations.filter(pk__in=introduced).update(introduced_at=_at(datetime.date(2017, 8, 15)))
    nominations.filter(stage=Stage.REVIEWED).update(reviewed_at=_at(MEETING["held_on"], 15))
    nominations.filter(stage=Stage.HONOURED).update(
        reviewed_at=_at(MEETING["held_on"], 15), honoured_at=_at(DECISION["date"], 14)
    )
    nominations.filter(stage=Stage.REJECTED).update(rejected_at=_at(MEETING["held_on"], 15))
    _annual(individuals, collectives, by=by)
    if stdout:
        stdout.write(
            f"Điển hình tiên tiến: giai đoạn {period.name}, {len(collectives)} tập thể, "
            f"{len(individuals)} cá nhân, quyết định {DECISION['number']}; danh hiệu hằng "
            f"năm 2015-2020, Bằng khen tỉnh theo tờ trình {PROVINCE['proposal']}, một khen "
            f"thưởng bị hủy."
        )
