"""Reads pipeline.toml (tomllib: standard library since Python 3.11)."""
import tomllib
from pathlib import Path

MANIFEST = Path("pipeline.toml")


def read_manifest(path: Path = MANIFEST) -> dict:
    with path.open("rb") as f:
        manifest = tomllib.load(f)
    for key in ("schedule", "input", "validation", "output"):
        if key not in manifest:
            raise ValueError(f"{path}: missing {key}")
    return manifest
