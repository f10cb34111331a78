"""Checks the cron line in pipeline.toml and prints its next runs (UTC).

    python3 -m pipeline.schedule

Five fields (minute hour day-of-month month day-of-week) with numbers, `*`,
ranges `a-b`, lists `a,b` and steps `*/n` or `a-b/n`. Writes the schedule and
its next three runs to $ONRAMP_EVIDENCE_FILE when set.
"""
import sys
from datetime import datetime, timedelta, timezone

from pipeline.evidence import write_evidence
from pipeline.manifest import read_manifest

FIELDS = [("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 6)]


def parse_field(text: str, name: str, low: int, high: int) -> set[int]:
    values: set[int] = set()
    for part in text.split(","):
        base, _, step_text = part.partition("/")
        step = int(step_text) if step_text.isdigit() and int(step_text) > 0 else None
        if step_text and step is None:
            raise ValueError(f"{name}: bad step in {part!r}")
        if base == "*":
            start, end = low, high
        elif "-" in base:
            a, _, b = base.partition("-")
            if not (a.isdigit() and b.isdigit()):
                raise ValueError(f"{name}: bad range {base!r}")
            start, end = int(a), int(b)
        elif base.isdigit():
            start = end = int(base)
            if step:
                end = high
        else:
            raise ValueError(f"{name}: {part!r} is not a number, range, list or step")
        if not (low <= start <= end <= high):
            raise ValueError(f"{name}: {part!r} is outside {low}-{high}")
        values.update(range(start, end + 1, step or 1))
    return values


def parse_cron(line: str) -> list[set[int]]:
    fields = line.split()
    if len(fields) != 5:
        raise ValueError(f"a cron line has five fields, {line!r} has {len(fields)}")
    return [parse_field(f, *spec) for f, spec in zip(fields, FIELDS)]


def next_runs(line: str, after: datetime, count: int = 3) -> list[datetime]:
    minutes, hours, days, months, weekdays = parse_cron(line)
    day_any, weekday_any = line.split()[2] == "*", line.split()[4] == "*"
    t = after.replace(second=0, microsecond=0) + timedelta(minutes=1)
    runs: list[datetime] = []
    # One year of minutes at most: every valid line runs within a year.
    for _ in range(366 * 24 * 60):
        weekday = (t.weekday() + 1) % 7  # cron: 0 is Sunday
        day_ok = t.day in days if weekday_any else (
            weekday in weekdays if day_any else (t.day in days or weekday in weekdays)
        )
        if t.month in months and day_ok and t.hour in hours and t.minute in minutes:
            runs.append(t)
            if len(runs) == count:
                return runs
        t += timedelta(minutes=1)
    raise ValueError(f"{line!r} never runs")


def main() -> int:
    manifest = read_manifest()
    line = manifest["schedule"]
    try:
        runs = next_runs(line, datetime.now(timezone.utc))
    except ValueError as e:
        print(f"pipeline.toml schedule: {e}", file=sys.stderr)
        return 1
    iso = [r.strftime("%Y-%m-%dT%H:%M:%SZ") for r in runs]
    print(f"schedule {line!r} (UTC): next runs {', '.join(iso)}")
    write_evidence({"schedule": line, "timezone": "UTC", "manifest": "pipeline.toml", "nextRuns": iso})
    return 0


if __name__ == "__main__":
    sys.exit(main())
