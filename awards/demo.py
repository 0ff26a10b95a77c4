"""Demo content of the awards app, loaded by ``manage.py loaddemo``.

The 2015–2020 period of the seed article: its two legal documents, the department's two
emulation blocks and six units, and records that reproduce the article's figures through
the real workflow: 12 collectives and 56 individuals registered, 5 and 18 introduced by the
blocks, 3 and 6 honoured through one council meeting and the Director's decision
45/QĐ-SKHCN of 08/09/2017. Names of people are invented.
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
    Stage,
    Unit,
)
from documents.models import LegalDocument

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


def load(*, stdout=None):
    """Create this app's demo records; running it again changes nothing."""
    ensure_award_forms()
    ensure_secretary_group()
    period, collectives, individuals = _reference_data()
    if Nomination.objects.filter(period=period).exists():
        return
    by = _demo_user()
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
    if stdout:
        stdout.write(
            f"Điển hình tiên tiến: giai đoạn {period.name}, {len(collectives)} tập thể, "
            f"{len(individuals)} cá nhân, quyết định {DECISION['number']}."
        )
