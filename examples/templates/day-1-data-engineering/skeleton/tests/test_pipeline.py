import sqlite3
import tempfile
import unittest
from datetime import datetime, timezone
from pathlib import Path

from pipeline.sample import generate
from pipeline.schedule import next_runs, parse_cron
from pipeline.steps import check_row, extract, load, transform, validate

GOOD = {
    "order_id": "o-1",
    "order_date": "2024-06-01",
    "customer_id": "c-1",
    "country": "DE",
    "product": "basic",
    "quantity": "2",
    "unit_price": "9.00",
}


class ValidateTest(unittest.TestCase):
    def test_a_good_row_passes_every_check(self):
        self.assertIsNone(check_row(GOOD))

    def test_each_check_rejects_its_broken_row(self):
        cases = {
            "customer_id_present": {"customer_id": ""},
            "order_date_valid": {"order_date": "2024-06-31"},
            "country_known": {"country": "XX"},
            "amounts_positive": {"quantity": "-2"},
        }
        for check, change in cases.items():
            with self.subTest(check=check):
                self.assertEqual(check_row({**GOOD, **change}), check)

    def test_the_batch_fails_when_too_many_rows_are_rejected(self):
        rows = [GOOD] * 9 + [{**GOOD, "country": "XX"}]
        self.assertTrue(validate(rows, 0.10)["passed"])
        self.assertFalse(validate(rows, 0.05)["passed"])
        self.assertFalse(validate([], 0.05)["passed"])

    def test_the_shipped_sample_passes_with_its_broken_rows_rejected(self):
        result = validate(extract(Path("data/orders.csv")), 0.05)
        self.assertEqual((result["rowsRead"], result["rowsValid"]), (600, 588))
        self.assertEqual(set(result["rejectedByCheck"].values()), {3})


class TransformLoadTest(unittest.TestCase):
    def test_revenue_is_summed_per_day_and_country(self):
        rows = [GOOD, {**GOOD, "quantity": "1"}, {**GOOD, "country": "FR"}]
        self.assertEqual(
            transform(rows),
            [
                {"order_date": "2024-06-01", "country": "DE", "orders": 2, "revenue": 27.0},
                {"order_date": "2024-06-01", "country": "FR", "orders": 1, "revenue": 18.0},
            ],
        )

    def test_load_replaces_the_table(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "w.sqlite"
            table = transform([GOOD])
            self.assertEqual(load(table, db, "daily_revenue"), 1)
            self.assertEqual(load(table, db, "daily_revenue"), 1)
            with sqlite3.connect(db) as conn:
                self.assertEqual(
                    conn.execute("SELECT country, revenue FROM daily_revenue").fetchall(),
                    [("DE", 18.0)],
                )


class ScheduleTest(unittest.TestCase):
    def test_next_runs_of_a_daily_line(self):
        after = datetime(2024, 6, 1, 3, 0, tzinfo=timezone.utc)
        self.assertEqual(
            [r.isoformat() for r in next_runs("0 2 * * *", after, 2)],
            ["2024-06-02T02:00:00+00:00", "2024-06-03T02:00:00+00:00"],
        )

    def test_weekdays_and_steps(self):
        # 2024-06-01 is a Saturday: the next weekday run is Monday.
        after = datetime(2024, 6, 1, 0, 0, tzinfo=timezone.utc)
        self.assertEqual(next_runs("*/30 6 * * 1-5", after, 1)[0].isoformat(), "2024-06-03T06:00:00+00:00")

    def test_bad_lines_are_refused(self):
        for line in ["0 2 * *", "61 2 * * *", "0 2 * * mon", "0 2 31 2 *", "*/0 * * * *"]:
            with self.subTest(line=line):
                with self.assertRaises(ValueError):
                    next_runs(line, datetime(2024, 1, 1, tzinfo=timezone.utc))
        self.assertEqual(len(parse_cron("0 2 * * *")[1]), 1)


class SampleTest(unittest.TestCase):
    def test_the_shipped_sample_is_what_the_generator_writes(self):
        self.assertEqual(Path("data/orders.csv").read_text(encoding="utf-8"), generate())


if __name__ == "__main__":
    unittest.main()
