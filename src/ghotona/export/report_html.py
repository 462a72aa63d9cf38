"""HTML for the actor report: inline CSS and a hand-drawn inline SVG, no script, no network.

Every piece of text that comes from the store (names, codes, evidence sentences, URLs)
goes through ``esc`` (``html.escape`` with quotes), in element content and attributes
alike; links are emitted only for ``http(s)`` URLs.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from ghotona.model import Actor

if TYPE_CHECKING:
    from ghotona.export.report import ReportData, Tally, TopStory

W, H = 960, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 56, 20, 44
COOP, CONFLICT, GOLD = "#2e7d32", "#c62828", "#1f3b73"

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Bengali",sans-serif;
margin:2rem auto;max-width:1000px;color:#222;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9rem}.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.4rem}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid #eee;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
.coop{color:#2e7d32}.conflict{color:#c62828}blockquote{margin:.3rem 0 0;padding:.3rem .8rem;
border-left:3px solid #ccc;background:#fafafa}ol.top li{margin-bottom:1rem}svg{max-width:100%;height:auto}
.legend span{margin-right:1.2rem}.sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem}
"""


def esc(value: object) -> str:
    """HTML-escaped text of ``value`` (``—`` for None)."""
    return html.escape("—" if value is None else str(value), quote=True)


def _gold(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def month_range(first: str, last: str) -> list[str]:
    """Every YYYY-MM from ``first`` to ``last`` inclusive."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _bars(months: list[str], tallies: dict[str, Tally], scale: float, mid: float, step: float) -> list[str]:
    out = []
    width = max(step * 0.7, 1.0)
    for i, month in enumerate(months):
        t = tallies.get(month)
        if t is None:
            continue
        x = LEFT + i * step + (step - width) / 2
        up, down = t.cooperation * scale, t.conflict * scale
        tip = esc(f"{month}: {t.cooperation} cooperation, {t.conflict} conflict, "
                  f"mean Goldstein {_gold(t.goldstein)}")
        out.append(f'<g><title>{tip}</title>'
                   f'<rect x="{x:.1f}" y="{mid - up:.1f}" width="{width:.1f}" height="{up:.1f}" fill="{COOP}"/>'
                   f'<rect x="{x:.1f}" y="{mid:.1f}" width="{width:.1f}" height="{down:.1f}" fill="{CONFLICT}"/></g>')
    return out


def _gold_line(months: list[str], tallies: dict[str, Tally], half: float, mid: float, step: float) -> list[str]:
    """The mean-Goldstein line, broken where a month has no events."""
    runs: list[list[tuple[float, float]]] = [[]]
    for i, month in enumerate(months):
        t = tallies.get(month)
        if t is None or t.goldstein is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((LEFT + i * step + step / 2, mid - t.goldstein / 10 * half))
    out = []
    for run in runs:
        if len(run) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            out.append(f'<polyline points="{path}" fill="none" stroke="{GOLD}" stroke-width="1.5"/>')
        out.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{GOLD}"/>' for x, y in run)
    return out


def _axes(months: list[str], peak: int, half: float, mid: float, step: float) -> list[str]:
    right = W - RIGHT
    out = [f'<line x1="{LEFT}" y1="{mid}" x2="{right}" y2="{mid}" stroke="#999"/>',
           f'<text x="{LEFT - 6}" y="{mid - half + 4}" text-anchor="end">{peak}</text>',
           f'<text x="{LEFT - 6}" y="{mid + half + 4}" text-anchor="end">{peak}</text>',
           f'<text x="{LEFT - 6}" y="{mid + 4}" text-anchor="end">0</text>',
           f'<text x="{right + 6}" y="{mid - half + 4}">+10</text>',
           f'<text x="{right + 6}" y="{mid + half + 4}">−10</text>',
           f'<text x="14" y="{mid}" transform="rotate(-90 14 {mid})" text-anchor="middle">events</text>',
           f'<text x="{W - 10}" y="{mid}" transform="rotate(90 {W - 10} {mid})" '
           f'text-anchor="middle">mean Goldstein</text>']
    every = max(1, len(months) // 12)
    for i, month in enumerate(months):
        if i % every == 0:
            x = LEFT + i * step + step / 2
            out.append(f'<text x="{x:.1f}" y="{H - BOTTOM + 18}" text-anchor="middle">{esc(month)}</text>')
    return out


def timeline_svg(tallies: dict[str, Tally]) -> str:
    """Events per month, cooperation above the axis and conflict below, with the mean
    Goldstein per month as a line (right axis, ±10)."""
    if not tallies:
        return '<p class="meta">No events dated to the month or better.</p>'
    months = month_range(min(tallies), max(tallies))
    peak = max(max(t.cooperation, t.conflict) for t in tallies.values()) or 1
    half = (H - TOP - BOTTOM) / 2
    mid = TOP + half
    step = (W - LEFT - RIGHT) / len(months)
    parts = [*_axes(months, peak, half, mid, step), *_bars(months, tallies, half / peak, mid, step),
             *_gold_line(months, tallies, half, mid, step)]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" '
            f'font-size="11" font-family="sans-serif" role="img" aria-label="events per month">'
            + "".join(parts) + "</svg>")


def _dyad_rows(data: ReportData, limit: int = 15) -> str:
    ranked = sorted(data.dyads.items(), key=lambda kv: (-kv[1].total, kv[0]))[:limit]
    rows = []
    for (a, b, sym), t in ranked:
        arrow = "↔" if sym else "→"
        rows.append(f"<tr><td>{esc(a)} {arrow} {esc(b)}</td><td class='num'>{t.total}</td>"
                    f"<td class='num coop'>{t.cooperation}</td><td class='num conflict'>{t.conflict}</td>"
                    f"<td class='num'>{esc(_gold(t.goldstein))}</td></tr>")
    return "".join(rows)


def _actor(a: Actor | None) -> str:
    if a is None:
        return "—"
    name = f"({a.name})" if a.name else ""
    return esc(" ".join(x for x in (a.code, name) if x) or a.text or "?")


def _source_link(top: TopStory) -> str:
    url = top.article.url
    label = esc(top.article.outlet or top.article.identifier)
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{label}</a>'
    return label


def _top_items(data: ReportData) -> str:
    items = []
    for top in data.top:
        ev = top.event
        items.append(
            f"<li><b>{esc(ev.event_type)}</b> {_actor(ev.source)} {'↔' if ev.symmetric else '→'} "
            f"{_actor(ev.target)} · {esc(ev.date or 'undated')} ({esc(ev.date_precision)}) · "
            f"{esc(ev.status)} · Goldstein {esc(_gold(ev.goldstein))} · "
            f"{top.events} event{'s' if top.events != 1 else ''} in story · {_source_link(top)}"
            f"<blockquote lang='bn'>{esc(ev.evidence.sentence)}</blockquote></li>")
    return "".join(items)


def render(data: ReportData) -> str:
    """The whole page."""
    who = data.actor or "all actors"
    span = f"{data.since or 'start'} – {data.until or 'latest'}"
    o = data.overall
    cards = "".join(f'<div class="card">{label}<b>{value}</b></div>' for label, value in (
        ("events", o.total), ("cooperation", o.cooperation), ("conflict", o.conflict),
        ("mean Goldstein", esc(_gold(o.goldstein))), ("not in a month", data.undated)))
    stamp = data.generated.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    legend = (f'<p class="legend"><span><i class="sw" style="background:{COOP}"></i>cooperation '
              f'(QuadClass 1–2)</span><span><i class="sw" style="background:{CONFLICT}"></i>conflict '
              f'(QuadClass 3–4)</span><span><i class="sw" style="background:{GOLD}"></i>mean Goldstein</span></p>')
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>ghotona report: {esc(who)}</title><style>{CSS}</style></head><body>"
        f"<h1>ghotona report: {esc(who)}</h1><p class='meta'>{esc(span)} · generated {esc(stamp)}</p>"
        f"<div class='cards'>{cards}</div>"
        f"<h2>Events per month</h2>{legend}{timeline_svg(data.months)}"
        f"<h2>Top dyads</h2><table><thead><tr><th>dyad</th><th>events</th><th>cooperation</th>"
        f"<th>conflict</th><th>mean Goldstein</th></tr></thead><tbody>{_dyad_rows(data)}</tbody></table>"
        f"<h2>Top stories</h2><ol class='top'>{_top_items(data)}</ol>"
        f"</body></html>\n")
