"""Renders the usage report: report/report.md with two PNG figures.

    python3 -m analysis.report

Reads data/usage.csv, computes the findings (analysis/stats.py), draws the
figures with matplotlib's Agg backend (no display needed) and writes a
Markdown report beside them. Writes what it rendered (the report, each
figure's size and SHA-256, the findings) to $ONRAMP_EVIDENCE_FILE when set.
"""
import hashlib
import json
import os
import struct
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

from analysis.stats import read_usage, rolling_mean, summarise  # noqa: E402

SAMPLE = Path("data/usage.csv")
OUT = Path("report")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def plot_active_users(usage: dict, shift: dict, target: Path) -> None:
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    for name, p in usage.items():
        line = ax.plot(p["days"], p["users"], alpha=0.3, linewidth=1)[0]
        ax.plot(p["days"], rolling_mean(p["users"]), color=line.get_color(), label=f"{name} (7-day mean)")
    days = usage[shift["platform"]]["days"]
    at = next(d for d in days if d.isoformat() == shift["from"])
    ax.axvline(at, color="grey", linestyle="--", linewidth=1)
    ax.annotate(f"{shift['platform']} share changes", (at, ax.get_ylim()[1]), xytext=(4, -14),
                textcoords="offset points", fontsize=8, color="grey")
    ax.set_title("Daily active users by platform")
    ax.set_ylabel("active users")
    ax.legend(loc="lower right", fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(target, metadata={"Software": None})
    plt.close(fig)


def plot_session_minutes(usage: dict, target: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    names = list(usage)
    ax.boxplot([usage[n]["minutes"] for n in names])
    ax.set_xticks(range(1, len(names) + 1), names)
    ax.set_title("Mean session length per day")
    ax.set_ylabel("minutes")
    fig.tight_layout()
    fig.savefig(target, metadata={"Software": None})
    plt.close(fig)


def markdown(summary: dict, figures: list[dict]) -> str:
    shift = summary["shareShift"]
    lines = [
        "# Usage report",
        "",
        f"{summary['rows']} rows of `{SAMPLE}`, {summary['from']} to {summary['to']}.",
        "",
        "## Findings",
        "",
        f"- **{shift['platform']}**'s share of active users moved from "
        f"{shift['shareBefore']:.1%} to {shift['shareAfter']:.1%} from {shift['from']}.",
    ]
    for name, p in summary["platforms"].items():
        lines.append(
            f"- {name}: {p['meanActiveUsers']} active users a day on average, "
            f"{p['weeklyGrowth']:+.1%} a week, weekends at {p['weekendRatio']:.0%} of weekdays."
        )
    lines += ["", "## Figures", ""]
    lines += [f"![{f['title']}]({f['file'].split('/', 1)[1]})\n" for f in figures]
    lines += [
        "## Per platform",
        "",
        "| platform | mean active users | weekly growth | weekend / weekday | mean session (min) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, p in summary["platforms"].items():
        lines.append(
            f"| {name} | {p['meanActiveUsers']} | {p['weeklyGrowth']:+.2%} | "
            f"{p['weekendRatio']:.2f} | {p['meanSessionMinutes']:.2f} |"
        )
    return "\n".join(lines) + "\n"


def render(sample: Path = SAMPLE, out: Path = OUT) -> dict:
    usage = read_usage(sample)
    summary = summarise(usage)
    out.mkdir(parents=True, exist_ok=True)
    drawn = [
        ("daily-active-users.png", "Daily active users by platform",
         lambda t: plot_active_users(usage, summary["shareShift"], t)),
        ("session-minutes.png", "Mean session length per day", lambda t: plot_session_minutes(usage, t)),
    ]
    figures = []
    for name, title, draw in drawn:
        target = out / name
        draw(target)
        width, height = png_size(target)
        figures.append({
            "file": f"{out.name}/{name}",
            "title": title,
            "width": width,
            "height": height,
            "bytes": target.stat().st_size,
            "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        })
    report = out / "report.md"
    report.write_text(markdown(summary, figures), encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return {"report": f"{out.name}/report.md", "dataset": str(sample), "figures": figures, **summary}


def main() -> int:
    details = render()
    print(f"rendered {details['report']} with {len(details['figures'])} figures "
          f"({', '.join(f['file'] for f in details['figures'])})")
    target = os.environ.get("ONRAMP_EVIDENCE_FILE")
    if target:
        Path(target).write_text(json.dumps(details, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
