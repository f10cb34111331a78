"""The shipped sample: data/churn.csv, synthetic and deterministic.

    python3 -m model.sample            # writes data/churn.csv
    python3 -m model.sample --check    # exits 1 unless data/churn.csv is what
                                       # this script generates

Customers of a subscription product, one row each: how long they have been
customers, what they spend, how many support tickets they opened, how long
ago they last logged in, whether they are on a yearly contract, and whether
they churned. The label is drawn from a logistic model of those columns plus
noise, so a classifier can learn it but not perfectly. Only the standard
library's random (a stream that is stable across Python versions) is used.
"""

import argparse
import csv
import io
import math
import random
import sys

SEED = 20261206
ROWS = 1200
PATH = "data/churn.csv"
COLUMNS = [
    "tenure_months",
    "monthly_spend",
    "support_tickets",
    "days_since_login",
    "yearly_contract",
    "churned",
]


def generate_rows(seed=SEED, rows=ROWS):
    rng = random.Random(seed)
    out = []
    for _ in range(rows):
        tenure = rng.randint(1, 72)
        spend = round(min(200.0, max(10.0, rng.gauss(60.0, 20.0))), 2)
        tickets = min(12, int(rng.expovariate(1 / 1.5)))
        days = min(90, int(rng.expovariate(1 / 10.0)))
        contract = 1 if rng.random() < 0.4 else 0
        logit = (
            0.6
            - 0.06 * tenure
            + 0.02 * (spend - 60.0)
            + 0.45 * tickets
            + 0.07 * days
            - 1.4 * contract
            + rng.gauss(0.0, 0.5)
        )
        churned = 1 if rng.random() < 1.0 / (1.0 + math.exp(-logit)) else 0
        out.append([tenure, f"{spend:.2f}", tickets, days, contract, churned])
    return out


def render(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--path", default=PATH)
    args = parser.parse_args(argv)
    expected = render(generate_rows())
    if args.check:
        with open(args.path, encoding="utf-8") as f:
            if f.read() != expected:
                print(
                    f"{args.path} is not what python3 -m model.sample generates; "
                    "regenerate it with python3 -m model.sample",
                    file=sys.stderr,
                )
                return 1
        print(f"{args.path}: {ROWS} rows, as generated with seed {SEED}")
        return 0
    with open(args.path, "w", encoding="utf-8") as f:
        f.write(expected)
    print(f"wrote {args.path}: {ROWS} rows, seed {SEED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
