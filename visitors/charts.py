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


def daily_chart(rows):
    """Lines of visits and page views per day for ``rows`` (``DayTotals``, oldest first)."""
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    top = _nice_ceiling(max([r.pageviews for r in rows] + [r.visits for r in rows] + [0]))
    count = len(rows)

    def x(index):
        return LEFT + (plot_w * index / (count - 1) if count > 1 else plot_w / 2)

    def y(value):
        return TOP + plot_h - plot_h * value / top

    def points(attribute):
        return " ".join(f"{x(i):.1f},{y(getattr(r, attribute)):.1f}" for i, r in enumerate(rows))

    ticks = [
        {"y": f"{y(top * k / 4):.1f}", "label": _vi_number(round(top * k / 4))} for k in range(5)
    ]
    label_every = max(1, count // 6)
    labels = [
        {"x": f"{x(i):.1f}", "label": f"{r.day:%d/%m}"}
        for i, r in enumerate(rows)
        if i % label_every == 0 or i == count - 1
    ]
    first, last = (rows[0].day, rows[-1].day) if rows else (None, None)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": TOP + plot_h,
        "visits": points("visits"),
        "pageviews": points("pageviews"),
        "ticks": ticks,
        "labels": labels,
        "label_y": TOP + plot_h + 24,
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
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    top = _nice_ceiling(max([r.pageviews for r in rows] + [r.visits for r in rows] + [0]))
    slot = plot_w / max(len(rows), 1)
    bar = slot * 0.35

    def y(value):
        return TOP + plot_h - plot_h * value / top

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
                    "height": f"{TOP + plot_h - y(value):.1f}",
                    "fill": colour,
                    "title": f"{label}: {_vi_number(value)} {name}",
                }
            )
    ticks = [
        {"y": f"{y(top * k / 4):.1f}", "label": _vi_number(round(top * k / 4))} for k in range(5)
    ]
    labels = [
        {"x": f"{LEFT + slot * (i + 0.5):.1f}", "label": r.day.strftime(label_format)}
        for i, r in enumerate(rows)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": TOP + plot_h,
        "bars": bars,
        "ticks": ticks,
        "labels": labels,
        "label_y": TOP + plot_h + 24,
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
