"""Generates the shipped sample, data/orders.csv, deterministically.

The sample is synthetic: 600 orders over 14 days from a fixed seed, with a
few rows broken on purpose (a missing customer, a negative quantity, an
unknown country, a date that does not parse) so the validation step has
something to reject.

    python3 -m pipeline.sample            # writes data/orders.csv
    python3 -m pipeline.sample --check    # fails if the file differs
"""
import csv
import io
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SAMPLE = Path("data/orders.csv")
SEED = 20240601
ROWS = 600
COUNTRIES = ["DE", "FR", "NL", "SE", "ES"]
PRODUCTS = {"basic": 9.0, "plus": 19.0, "pro": 49.0}
FIELDS = ["order_id", "order_date", "customer_id", "country", "product", "quantity", "unit_price"]


def generate() -> str:
    rng = random.Random(SEED)
    start = date(2024, 6, 1)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for i in range(1, ROWS + 1):
        product = rng.choice(sorted(PRODUCTS))
        row = [
            f"o-{i:05d}",
            (start + timedelta(days=rng.randrange(14))).isoformat(),
            f"c-{rng.randrange(1, 181):04d}",
            rng.choice(COUNTRIES),
            product,
            str(rng.randrange(1, 6)),
            f"{PRODUCTS[product]:.2f}",
        ]
        # Every 50th row is broken in one of four ways.
        if i % 50 == 0:
            broken = (i // 50) % 4
            if broken == 0:
                row[2] = ""
            elif broken == 1:
                row[5] = "-2"
            elif broken == 2:
                row[3] = "XX"
            else:
                row[1] = "2024-06-31"
        writer.writerow(row)
    return out.getvalue()


def main(argv: list[str]) -> int:
    text = generate()
    if "--check" in argv:
        if SAMPLE.read_text(encoding="utf-8") != text:
            print(f"{SAMPLE} is not what python3 -m pipeline.sample generates", file=sys.stderr)
            return 1
        print(f"{SAMPLE} is what python3 -m pipeline.sample generates ({ROWS} rows)")
        return 0
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    SAMPLE.write_text(text, encoding="utf-8")
    print(f"wrote {SAMPLE} ({ROWS} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
