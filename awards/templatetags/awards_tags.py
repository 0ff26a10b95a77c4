"""Template tags of the registry: the statistics bar chart and official Vietnamese dates."""

from django import template

register = template.Library()

CHART_ROWS = [
    ("registered", "Đăng ký"),
    ("introduced", "Được giới thiệu"),
    ("honoured", "Được tôn vinh"),
]
LABEL_WIDTH = 130
BAR_AREA = 230
ROW_HEIGHT = 22
GROUP_GAP = 12


@register.inclusion_tag("awards/widgets/stat_chart.html")
def stat_chart(period):
    """A server-rendered SVG bar chart of a period's six counts (no inline styles).

    ``period`` carries the counts annotated by ``selectors.periods_with_statistics``.
    """
    values = {
        f"{stage}_{suffix}": getattr(period, f"{stage}_{suffix}", 0) or 0
        for stage, _label in CHART_ROWS
        for suffix in ("collectives", "individuals")
    }
    top = max(values.values(), default=0) or 1
    groups = []
    y = 0
    for stage, label in CHART_ROWS:
        bars = []
        for suffix, kind in (("collectives", "Tập thể"), ("individuals", "Cá nhân")):
            value = values[f"{stage}_{suffix}"]
            width = round(BAR_AREA * value / top, 1)
            bars.append(
                {
                    "kind": kind,
                    "css": suffix,
                    "value": value,
                    "y": y,
                    "text_y": y + ROW_HEIGHT * 0.7,
                    "width": width,
                    "value_x": LABEL_WIDTH + width + 6,
                }
            )
            y += ROW_HEIGHT
        groups.append({"label": label, "label_y": bars[0]["y"] + ROW_HEIGHT * 1.1, "bars": bars})
        y += GROUP_GAP
    return {
        "period": period,
        "groups": groups,
        "height": y,
        "width": LABEL_WIDTH + BAR_AREA + 50,
        "label_width": LABEL_WIDTH,
        "bar_height": ROW_HEIGHT - 6,
    }


@register.filter
def official_date(value):
    """ "ngày 08 tháng 9 năm 2017": days below 10 and months 1–2 zero-padded."""
    if not value:
        return ""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


@register.filter
def vnd(value):
    """An amount in đồng as Vietnamese write it: Decimal("702000.0") → "702.000 đ"."""
    if value is None or value == "":
        return "—"
    return f"{int(round(value)):,} đ".replace(",", ".")


@register.filter
def decimal_comma(value):
    """A coefficient with the Vietnamese decimal comma: Decimal("0.3") → "0,3"."""
    if value is None:
        return "—"
    return f"{value.normalize():f}".replace(".", ",")


# The admin index's workflow steps, numbered from 1: (title, what the step's count counts).
WORKFLOW_STEPS = [
    ("Đăng ký", "hồ sơ đề nghị chờ khối giới thiệu"),
    ("Khối giới thiệu", "hồ sơ: chọn hồ sơ → “Bước 2: ghi nhận khối thi đua giới thiệu”"),
    ("Họp Hội đồng", "hồ sơ chờ Hội đồng bình xét"),
    (
        "Quyết định / Tờ trình",
        "hồ sơ đã bình xét: chọn → “Bước 4: ra quyết định” hoặc “lập tờ trình”",
    ),
    ("Quyết định cấp trên", "hồ sơ đã trình, chờ quyết định của cấp trên"),
]


@register.inclusion_tag("awards/admin/workflow_panel.html", takes_context=True)
def workflow_panel(context):
    """The admin index's "Quy trình" panel: each step, how many records wait there, links."""
    from django.urls import reverse

    from awards.models import CouncilMeeting, EmulationRegistration, Nomination, Stage

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("awards.view_nomination"):
        return {"steps": []}
    nominations = reverse("admin:awards_nomination_changelist")
    registered = Nomination.objects.filter(stage=Stage.REGISTERED).count()
    introduced = Nomination.objects.filter(stage=Stage.INTRODUCED).count()
    waiting = Nomination.objects.filter(stage=Stage.REVIEWED)
    pending = EmulationRegistration.objects.filter(state="pending").count()
    unrecorded = CouncilMeeting.objects.filter(recorded_at__isnull=True).count()
    registrations = reverse("admin:awards_emulationregistration_changelist")
    meetings = reverse("admin:awards_councilmeeting_changelist")
    counts = [
        registered,
        registered,
        introduced,
        waiting.filter(proposal__isnull=True).count(),
        waiting.filter(proposal__isnull=False).count(),
    ]
    links = [
        [
            ("Thêm hồ sơ đề nghị", reverse("admin:awards_nomination_add")),
            (
                f"Đăng ký thi đua đầu năm chờ duyệt ({pending})",
                f"{registrations}?state__exact=pending",
            ),
        ],
        [("Hồ sơ chờ giới thiệu", f"{nominations}?stage__exact=registered")],
        [
            ("Thêm cuộc họp", reverse("admin:awards_councilmeeting_add")),
            (
                f"Cuộc họp chưa ghi nhận kết quả ({unrecorded})",
                f"{meetings}?recorded_at__isempty=1",
            ),
        ],
        [
            ("Hồ sơ chờ quyết định", f"{nominations}?stage__exact=reviewed&proposal__isnull=True"),
            ("Quyết định khen thưởng", reverse("admin:awards_decision_changelist")),
        ],
        [("Tờ trình", reverse("admin:awards_proposal_changelist"))],
    ]
    steps = [
        {"number": number, "title": title, "count": count, "what": what, "links": step_links}
        for number, ((title, what), count, step_links) in enumerate(
            zip(WORKFLOW_STEPS, counts, links, strict=True), start=1
        )
    ]
    return {"steps": steps}


YEAR_BAR_WIDTH = 36
YEAR_CHART_HEIGHT = 140


@register.inclusion_tag("awards/widgets/year_chart.html")
def year_chart(statistics, period):
    """A server-rendered SVG column chart of the honoured rows per year of a period."""
    top = max(statistics.totals, default=0) or 1
    bars = []
    for index, (year, value) in enumerate(zip(statistics.years, statistics.totals, strict=True)):
        height = round(YEAR_CHART_HEIGHT * value / top, 1)
        x = 10 + index * (YEAR_BAR_WIDTH + 12)
        bars.append(
            {
                "year": year,
                "value": value,
                "x": x,
                "y": YEAR_CHART_HEIGHT - height + 20,
                "height": height,
                "label_x": x + YEAR_BAR_WIDTH / 2,
            }
        )
    return {
        "period": period,
        "bars": bars,
        "bar_width": YEAR_BAR_WIDTH,
        "width": 20 + len(bars) * (YEAR_BAR_WIDTH + 12),
        "height": YEAR_CHART_HEIGHT + 45,
        "axis_y": YEAR_CHART_HEIGHT + 20,
        "year_y": YEAR_CHART_HEIGHT + 38,
    }
