"""Generates the shipped sample, data/usage.csv, deterministically.

The sample is synthetic: daily active users and the mean session length per
platform (web, ios, android) over 16 weeks from a fixed seed, with a weekly
rhythm (quieter weekends), slow growth, and a change on day 70 (a new
onboarding flow on web) that the analysis should find.

    python3 -m analysis.sample            # writes data/usage.csv
    python3 -m analysis.sample --check    # fails if the file differs
"""
import csv
import io
import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SAMPLE = Path("data/usage.csv")
SEED = 7
DAYS = 112
CHANGE_DAY = 70
PLATFORMS = {"web": 1800, "ios": 1200, "android": 1500}
FIELDS = ["day", "platform", "active_users", "session_minutes"]


def generate() -> str:
    rng = random.Random(SEED)
    start = date(2024, 3, 4)  # a Monday
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for d in range(DAYS):
        day = start + timedelta(days=d)
        weekend = day.weekday() >= 5
        for platform, base in PLATFORMS.items():
            level = base * (1 + 0.002 * d) * (0.7 if weekend else 1.0)
            if platform == "web" and d >= CHANGE_DAY:
                level *= 1.15
            users = round(level * (1 + rng.gauss(0, 0.04)))
            minutes = 6.0 + (1.5 if weekend else 0) + 0.8 * math.sin(d / 9) + rng.gauss(0, 0.5)
            writer.writerow([day.isoformat(), platform, users, f"{minutes:.2f}"])
    return out.getvalue()


def main(argv: list[str]) -> int:
    text = generate()
    if "--check" in argv:
        if SAMPLE.read_text(encoding="utf-8") != text:
            print(f"{SAMPLE} is not what python3 -m analysis.sample generates", file=sys.stderr)
            return 1
        print(f"{SAMPLE} is what python3 -m analysis.sample generates")
        return 0
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    SAMPLE.write_text(text, encoding="utf-8")
    print(f"wrote {SAMPLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
