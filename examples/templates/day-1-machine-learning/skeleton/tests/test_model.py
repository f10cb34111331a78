import json
import os
import random
import tempfile
import unittest

from model import sample, train
from model.data import FEATURES, load_dataset

DATA = "data/churn.csv"


class SampleTest(unittest.TestCase):
    def test_the_shipped_sample_is_what_the_generator_writes(self):
        with open(DATA, encoding="utf-8") as f:
            self.assertEqual(f.read(), sample.render(sample.generate_rows()))

    def test_the_sample_has_both_classes_and_every_feature(self):
        data = load_dataset(DATA)
        self.assertEqual(data.features.shape, (sample.ROWS, len(FEATURES)))
        self.assertEqual(set(data.labels.tolist()), {0, 1})

    def test_a_file_without_the_label_is_refused_by_name(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "bad.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(",".join(FEATURES) + "\n1,2,3,4,5\n")
            with self.assertRaisesRegex(ValueError, "missing column\\(s\\) churned"):
                load_dataset(path)


class TrainTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model, cls.metrics = train.train_and_evaluate(DATA)

    def test_the_model_beats_the_trivial_baseline_on_held_out_rows(self):
        m = self.metrics
        self.assertEqual(m["trainRows"] + m["testRows"], m["rows"])
        self.assertEqual(m["testRows"], round(m["rows"] * train.TEST_SIZE))
        self.assertGreaterEqual(m["accuracy"], m["baselineAccuracy"] + train.MIN_LIFT)
        self.assertTrue(m["beatsBaseline"])

    def test_the_same_seed_gives_the_same_metrics(self):
        _, again = train.train_and_evaluate(DATA)
        self.assertEqual(again, self.metrics)

    def test_the_model_json_predicts_like_the_model(self):
        exported = train.model_json(self.model, FEATURES)
        data = load_dataset(DATA)
        x = (data.features - exported["mean"]) / exported["scale"]
        scores = x @ exported["coefficients"] + exported["intercept"]
        agree = ((scores > 0).astype(int) == self.model.predict(data.features)).mean()
        self.assertGreater(agree, 0.99)


class MainTest(unittest.TestCase):
    def run_main(self, data):
        out = tempfile.mkdtemp()
        evidence = os.path.join(out, "evidence.json")
        os.environ["ONRAMP_EVIDENCE_FILE"] = evidence
        try:
            code = train.main(["--data", data, "--out", out])
        finally:
            del os.environ["ONRAMP_EVIDENCE_FILE"]
        return code, out, evidence

    def test_writes_metrics_model_and_evidence(self):
        code, out, evidence = self.run_main(DATA)
        self.assertEqual(code, 0)
        with open(os.path.join(out, "metrics.json"), encoding="utf-8") as f:
            metrics = json.load(f)
        with open(evidence, encoding="utf-8") as f:
            recorded = json.load(f)
        self.assertEqual(recorded, {**metrics, "metricsFile": os.path.join(out, "metrics.json")})
        self.assertTrue(os.path.exists(os.path.join(out, "model.json")))

    def test_fails_and_records_nothing_when_the_labels_are_noise(self):
        data = load_dataset(DATA)
        rng = random.Random(1)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "noise.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(",".join(FEATURES + ["churned"]) + "\n")
                for row in data.features:
                    values = [f"{v:g}" for v in row] + [str(rng.randint(0, 1))]
                    f.write(",".join(values) + "\n")
            code, _, evidence = self.run_main(path)
        self.assertEqual(code, 1)
        self.assertFalse(os.path.exists(evidence))


if __name__ == "__main__":
    unittest.main()
