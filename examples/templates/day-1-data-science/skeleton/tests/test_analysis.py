import tempfile
import unittest
from pathlib import Path

import numpy as np

from analysis.report import png_size, render
from analysis.sample import generate
from analysis.stats import largest_level_shift, read_usage, rolling_mean, summarise, weekly_growth


class StatsTest(unittest.TestCase):
    def test_rolling_mean_is_trailing_and_shorter_at_the_start(self):
        self.assertEqual(rolling_mean(np.array([1.0, 3.0, 5.0, 7.0]), 2).tolist(), [1.0, 2.0, 4.0, 6.0])

    def test_weekly_growth_of_a_straight_line(self):
        self.assertAlmostEqual(weekly_growth(np.arange(100, 170, dtype=float)), 0.07)

    def test_a_level_shift_is_found_on_a_week_boundary(self):
        values = np.array([1.0] * 35 + [2.0] * 35)
        self.assertEqual(largest_level_shift(values)["index"], 35)
        self.assertAlmostEqual(largest_level_shift(values)["change"], 1.0)

    def test_the_change_in_the_sample_is_found(self):
        # The generator raises web from day 70 (2024-05-13).
        shift = summarise(read_usage(Path("data/usage.csv")))["shareShift"]
        self.assertEqual((shift["platform"], shift["from"]), ("web", "2024-05-13"))
        self.assertGreater(shift["shareAfter"], shift["shareBefore"])


class ReportTest(unittest.TestCase):
    def test_renders_markdown_with_its_figures(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report"
            details = render(out=out)
            text = (out / "report.md").read_text(encoding="utf-8")
            self.assertIn("# Usage report", text)
            for figure in details["figures"]:
                name = figure["file"].split("/", 1)[1]
                self.assertIn(f"]({name})", text)
                self.assertEqual(png_size(out / name), (figure["width"], figure["height"]))
            self.assertEqual([f["width"] for f in details["figures"]], [800, 600])


class SampleTest(unittest.TestCase):
    def test_the_shipped_sample_is_what_the_generator_writes(self):
        self.assertEqual(Path("data/usage.csv").read_text(encoding="utf-8"), generate())


if __name__ == "__main__":
    unittest.main()
