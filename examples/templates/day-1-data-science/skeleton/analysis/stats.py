"""The numbers behind the report (numpy), kept apart from the plotting."""
import csv
from datetime import date
from pathlib import Path

import numpy as np


def read_usage(path: Path) -> dict:
    """Columns by platform: days (sorted), active users and session minutes."""
    by_platform: dict[str, list[tuple[date, int, float]]] = {}
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_platform.setdefault(row["platform"], []).append(
                (date.fromisoformat(row["day"]), int(row["active_users"]), float(row["session_minutes"]))
            )
    usage = {}
    for platform, rows in sorted(by_platform.items()):
        rows.sort()
        usage[platform] = {
            "days": [r[0] for r in rows],
            "users": np.array([r[1] for r in rows], dtype=float),
            "minutes": np.array([r[2] for r in rows], dtype=float),
        }
    return usage


def rolling_mean(values: np.ndarray, window: int = 7) -> np.ndarray:
    """Trailing mean over `window` values (shorter at the start)."""
    sums = np.cumsum(np.insert(values, 0, 0.0))
    out = np.empty(len(values))
    for i in range(len(values)):
        lo = max(0, i + 1 - window)
        out[i] = (sums[i + 1] - sums[lo]) / (i + 1 - lo)
    return out


def weekly_growth(users: np.ndarray) -> float:
    """Relative growth per week of a least-squares line through the series."""
    slope, intercept = np.polyfit(np.arange(len(users)), users, 1)
    return float(slope * 7 / intercept)


def largest_level_shift(values: np.ndarray, margin: int = 14) -> dict:
    """The split into two whole-week runs whose means differ the most.

    Split points are multiples of seven days from the start, so the weekly
    rhythm does not pass for a change.
    """
    best = {"index": 0, "before": 0.0, "after": 0.0, "change": 0.0}
    for split in range(margin, len(values) - margin + 1, 7):
        before, after = values[:split].mean(), values[split:].mean()
        change = (after - before) / before
        if abs(change) > abs(best["change"]):
            best = {"index": split, "before": float(before), "after": float(after), "change": float(change)}
    return best


def summarise(usage: dict) -> dict:
    """The findings the report states, rounded for people.

    The change is looked for in each platform's share of all active users:
    growth and the weekly rhythm, common to every platform, cancel out.
    """
    total = sum(p["users"] for p in usage.values())
    platforms = {}
    shifts = {}
    for name, p in usage.items():
        weekend = np.array([d.weekday() >= 5 for d in p["days"]])
        shifts[name] = largest_level_shift(p["users"] / total)
        platforms[name] = {
            "meanActiveUsers": round(float(p["users"].mean())),
            "weekendRatio": round(float(p["users"][weekend].mean() / p["users"][~weekend].mean()), 2),
            "weeklyGrowth": round(weekly_growth(p["users"]), 4),
            "meanSessionMinutes": round(float(p["minutes"].mean()), 2),
        }
    name = max(shifts, key=lambda n: abs(shifts[n]["change"]))
    days = usage[name]["days"]
    shift = shifts[name]
    return {
        "rows": sum(len(p["days"]) for p in usage.values()),
        "from": days[0].isoformat(),
        "to": days[-1].isoformat(),
        "platforms": platforms,
        "shareShift": {
            "platform": name,
            "from": days[shift["index"]].isoformat(),
            "shareBefore": round(shift["before"], 3),
            "shareAfter": round(shift["after"], 3),
        },
    }
