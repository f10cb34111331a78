"""Reads the sample CSV into numpy arrays."""

import csv
from dataclasses import dataclass

import numpy as np

FEATURES = [
    "tenure_months",
    "monthly_spend",
    "support_tickets",
    "days_since_login",
    "yearly_contract",
]
LABEL = "churned"


@dataclass
class Dataset:
    features: np.ndarray
    labels: np.ndarray
    feature_names: list


def load_dataset(path):
    """The features (float) and labels (0 or 1) of a CSV with FEATURES and LABEL."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in FEATURES + [LABEL] if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = list(reader)
    if not rows:
        raise ValueError(f"{path}: no rows")
    try:
        features = np.array([[float(r[c]) for c in FEATURES] for r in rows])
        labels = np.array([int(r[LABEL]) for r in rows])
    except ValueError as e:
        raise ValueError(f"{path}: not a number: {e}") from None
    if not set(np.unique(labels)) <= {0, 1}:
        raise ValueError(f"{path}: {LABEL} must be 0 or 1")
    return Dataset(features, labels, list(FEATURES))
