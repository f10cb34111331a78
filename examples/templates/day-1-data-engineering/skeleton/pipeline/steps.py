"""The pipeline's steps, each a plain function over rows (easy to test)."""
import csv
import sqlite3
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

COUNTRIES = {"DE", "FR", "NL", "SE", "ES"}
REQUIRED = ["order_id", "order_date", "customer_id", "country", "product", "quantity", "unit_price"]


def extract(path: Path) -> list[dict]:
    """Reads the input CSV; a missing column fails the run."""
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(missing)}")
        return list(reader)


def check_row(row: dict) -> str | None:
    """The name of the first check a row fails, or None when it is valid."""
    if not row["customer_id"]:
        return "customer_id_present"
    try:
        date.fromisoformat(row["order_date"])
    except ValueError:
        return "order_date_valid"
    if row["country"] not in COUNTRIES:
        return "country_known"
    try:
        if int(row["quantity"]) <= 0 or float(row["unit_price"]) < 0:
            return "amounts_positive"
    except ValueError:
        return "amounts_positive"
    return None


def validate(rows: list[dict], max_rejected_share: float) -> dict:
    """Splits rows into valid and rejected and says whether the batch passes."""
    valid, rejected = [], Counter()
    for row in rows:
        failed = check_row(row)
        if failed:
            rejected[failed] += 1
        else:
            valid.append(row)
    share = (len(rows) - len(valid)) / len(rows) if rows else 1.0
    return {
        "valid": valid,
        "rowsRead": len(rows),
        "rowsValid": len(valid),
        "rowsRejected": len(rows) - len(valid),
        "rejectedByCheck": dict(sorted(rejected.items())),
        "rejectedShare": round(share, 4),
        "maxRejectedShare": max_rejected_share,
        "passed": bool(rows) and share <= max_rejected_share,
    }


def transform(rows: list[dict]) -> list[dict]:
    """Daily revenue per country: one row per (order_date, country)."""
    totals: dict[tuple[str, str], dict] = defaultdict(lambda: {"orders": 0, "revenue": 0.0})
    for row in rows:
        t = totals[(row["order_date"], row["country"])]
        t["orders"] += 1
        t["revenue"] += int(row["quantity"]) * float(row["unit_price"])
    return [
        {"order_date": d, "country": c, "orders": t["orders"], "revenue": round(t["revenue"], 2)}
        for (d, c), t in sorted(totals.items())
    ]


def load(rows: list[dict], database: Path, table: str) -> int:
    """Replaces the table in the SQLite database with rows; returns the row count."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(database) as db:
        db.execute(f'DROP TABLE IF EXISTS "{table}"')
        db.execute(
            f'CREATE TABLE "{table}" (order_date TEXT NOT NULL, country TEXT NOT NULL, '
            "orders INTEGER NOT NULL, revenue REAL NOT NULL, PRIMARY KEY (order_date, country))"
        )
        db.executemany(
            f'INSERT INTO "{table}" VALUES (:order_date, :country, :orders, :revenue)', rows
        )
        (count,) = db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()
    return count
