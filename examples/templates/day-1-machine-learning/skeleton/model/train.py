"""Trains the churn model on the sample and evaluates it on a held-out split.

    python3 -m model.train [--data data/churn.csv] [--out out] [--seed 42]

Writes out/metrics.json and out/model.json (the fitted coefficients, readable
without Python), and exits 1 unless the model beats the trivial baseline (always
predicting the most frequent class) by MIN_LIFT on the held-out rows. When
ONRAMP_EVIDENCE_FILE is set (the local CI runner sets it), the metrics are
written there too and recorded as the evidence ml.evaluated.
"""

import argparse
import json
import os
import sys

from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from model.data import load_dataset

SEED = 42
TEST_SIZE = 0.25
# Accuracy points the model must gain over the baseline on the held-out rows.
MIN_LIFT = 0.05
MODEL_TYPE = "LogisticRegression on standardised features (scikit-learn)"


def train_and_evaluate(data_path, seed=SEED):
    """The fitted model and its held-out metrics; the same seed, the same numbers."""
    data = load_dataset(data_path)
    x_train, x_test, y_train, y_test = train_test_split(
        data.features,
        data.labels,
        test_size=TEST_SIZE,
        random_state=seed,
        stratify=data.labels,
    )
    model = make_pipeline(
        StandardScaler(), LogisticRegression(random_state=seed, max_iter=1000)
    )
    model.fit(x_train, y_train)
    baseline = DummyClassifier(strategy="most_frequent").fit(x_train, y_train)
    predicted = model.predict(x_test)
    accuracy = accuracy_score(y_test, predicted)
    baseline_accuracy = accuracy_score(y_test, baseline.predict(x_test))
    metrics = {
        "model": MODEL_TYPE,
        "dataset": data_path,
        "rows": int(len(data.labels)),
        "trainRows": int(len(y_train)),
        "testRows": int(len(y_test)),
        "features": data.feature_names,
        "seed": seed,
        "testSize": TEST_SIZE,
        "accuracy": round(float(accuracy), 4),
        "baselineAccuracy": round(float(baseline_accuracy), 4),
        "f1": round(float(f1_score(y_test, predicted)), 4),
        "rocAuc": round(float(roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])), 4),
        "minLift": MIN_LIFT,
        "beatsBaseline": bool(accuracy >= baseline_accuracy + MIN_LIFT),
    }
    return model, metrics


def model_json(model, feature_names):
    scaler, classifier = model[0], model[1]
    return {
        "type": MODEL_TYPE,
        "features": feature_names,
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "coefficients": [round(float(v), 6) for v in classifier.coef_[0]],
        "intercept": round(float(classifier.intercept_[0]), 6),
    }


def write_json(path, value):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)
        f.write("\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data/churn.csv")
    parser.add_argument("--out", default="out")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    try:
        model, metrics = train_and_evaluate(args.data, args.seed)
    except (OSError, ValueError) as e:
        print(f"cannot train: {e}", file=sys.stderr)
        return 2
    metrics_file = os.path.join(args.out, "metrics.json")
    write_json(metrics_file, metrics)
    write_json(os.path.join(args.out, "model.json"), model_json(model, metrics["features"]))
    print(
        f"{metrics['model']}: accuracy {metrics['accuracy']:.4f} on {metrics['testRows']} "
        f"held-out rows (baseline {metrics['baselineAccuracy']:.4f}, seed {metrics['seed']}); "
        f"wrote {metrics_file}"
    )
    if not metrics["beatsBaseline"]:
        print(
            f"the model does not beat the baseline by {MIN_LIFT:.2f}: "
            f"{metrics['accuracy']:.4f} < {metrics['baselineAccuracy']:.4f} + {MIN_LIFT:.2f}",
            file=sys.stderr,
        )
        return 1
    evidence_file = os.environ.get("ONRAMP_EVIDENCE_FILE")
    if evidence_file:
        write_json(evidence_file, {**metrics, "metricsFile": metrics_file})
    return 0


if __name__ == "__main__":
    sys.exit(main())
