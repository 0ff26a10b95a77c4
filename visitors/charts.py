"""Server-side geometry of the report's SVG chart (no JavaScript, no external library)."""

WIDTH = 960
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 64, 28, 16, 40


def _nice_ceiling(value):
    """The smallest of 1, 2, 5 × 10^n that is at least ``value`` (so axis labels are round)."""
    if value <= 0:
        return 1
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _vi_number(value):
    return f"{value:,}".replace(",", ".")


PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


def _value_axis(rows):
    """``(y, frame)`` of a chart of ``rows``' page views and visits: ``y(value)`` is the
    height of a value, ``frame`` the plot's edges and the five ticks of its value axis."""
    top = _nice_ceiling(max([r.pageviews for r in rows] + [r.visits for r in rows] + [0]))

    def y(value):
        return TOP + PLOT_H - PLOT_H * value / top

    frame = {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": TOP + PLOT_H,
        "label_y": TOP + PLOT_H + 24,
        "ticks": [
            {"y": f"{y(top * k / 4):.1f}", "label": _vi_number(round(top * k / 4))}
            for k in range(5)
        ],
    }
    return y, frame


def daily_chart(rows):
    """Lines of visits and page views per day for ``rows`` (``DayTotals``, oldest first)."""
    y, frame = _value_axis(rows)
    count = len(rows)

    def x(index):
        return LEFT + (PLOT_W * index / (count - 1) if count > 1 else PLOT_W / 2)

    def points(attribute):
        return " ".join(f"{x(i):.1f},{y(getattr(r, attribute)):.1f}" for i, r in enumerate(rows))

    label_every = max(1, count // 6)
    labels = [
        {"x": f"{x(i):.1f}", "label": f"{r.day:%d/%m}"}
        for i, r in enumerate(rows)
        if i % label_every == 0 or i == count - 1
    ]
    first, last = (rows[0].day, rows[-1].day) if rows else (None, None)
    return {
        **frame,
        "visits": points("visits"),
        "pageviews": points("pageviews"),
        "labels": labels,
        "description": (
            f"Lượt truy cập và lượt xem trang mỗi ngày từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}; "
            f"cao nhất {_vi_number(max(r.pageviews for r in rows))} lượt xem trang và "
            f"{_vi_number(max(r.visits for r in rows))} lượt truy cập trong một ngày."
            if rows
            else "Chưa có dữ liệu."
        ),
    }


def period_chart(rows, *, label_format):
    """Bars of page views and visits per period (``rows``: ``DayTotals``, oldest first).

    ``label_format`` is a ``strftime`` format for the period's first day ("%m/%Y", "%Y").
    """
    y, frame = _value_axis(rows)
    slot = PLOT_W / max(len(rows), 1)
    bar = slot * 0.35

    bars = []
    for i, r in enumerate(rows):
        x0 = LEFT + slot * i + slot * 0.15
        label = r.day.strftime(label_format)
        for offset, attribute, colour, name in (
            (0, "pageviews", "#1f6fb2", "lượt xem trang"),
            (bar, "visits", "#c0392b", "lượt truy cập"),
        ):
            value = getattr(r, attribute)
            bars.append(
                {
                    "x": f"{x0 + offset:.1f}",
                    "y": f"{y(value):.1f}",
                    "width": f"{bar:.1f}",
                    "height": f"{TOP + PLOT_H - y(value):.1f}",
                    "fill": colour,
                    "title": f"{label}: {_vi_number(value)} {name}",
                }
            )
    labels = [
        {"x": f"{LEFT + slot * (i + 0.5):.1f}", "label": r.day.strftime(label_format)}
        for i, r in enumerate(rows)
    ]
    return {
        **frame,
        "bars": bars,
        "labels": labels,
        "description": (
            "; ".join(
                f"{r.day.strftime(label_format)}: {_vi_number(r.visits)} lượt truy cập, "
                f"{_vi_number(r.pageviews)} lượt xem trang"
                for r in rows
            )
            if rows
            else "Chưa có dữ liệu."
        ),
    }
