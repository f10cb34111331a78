"""Runs the pipeline described by pipeline.toml, in two stages.

    python3 -m pipeline.run validate   # extract + validate; fails on bad data
    python3 -m pipeline.run load       # extract + validate + transform + load
    python3 -m pipeline.run            # the same as load

Each stage prints what it did and writes it to $ONRAMP_EVIDENCE_FILE when
set (row counts, the checks and their results, the table written).
"""
import csv
import sys
from pathlib import Path

from pipeline.evidence import write_evidence
from pipeline.manifest import read_manifest
from pipeline.steps import extract, load, transform, validate


def run(stage: str) -> int:
    manifest = read_manifest()
    source = Path(manifest["input"]["path"])
    checked = validate(extract(source), float(manifest["validation"]["max_rejected_share"]))
    report = {k: v for k, v in checked.items() if k != "valid"}
    report["input"] = str(source)
    print(
        f"validate: {checked['rowsRead']} rows read, {checked['rowsValid']} valid, "
        f"{checked['rowsRejected']} rejected {checked['rejectedByCheck']} "
        f"({checked['rejectedShare']:.1%}, at most {checked['maxRejectedShare']:.1%})"
    )
    if not checked["passed"]:
        print("validate: too many rows rejected; nothing loaded", file=sys.stderr)
        return 1
    if stage == "validate":
        write_evidence(report)
        return 0

    table_rows = transform(checked["valid"])
    out = manifest["output"]
    database, table, csv_path = Path(out["database"]), out["table"], Path(out["csv"])
    written = load(table_rows, database, table)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    with csv_path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(table_rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table_rows)
    dates = sorted({r["order_date"] for r in table_rows})
    revenue = round(sum(r["revenue"] for r in table_rows), 2)
    print(f"load: {written} rows into {database}:{table} and {csv_path} ({dates[0]} to {dates[-1]}, revenue {revenue})")
    write_evidence(
        {
            "rowsRead": checked["rowsRead"],
            "rowsValid": checked["rowsValid"],
            "rowsRejected": checked["rowsRejected"],
            "database": str(database),
            "table": table,
            "csv": str(csv_path),
            "rowsWritten": written,
            "firstDate": dates[0],
            "lastDate": dates[-1],
            "revenue": revenue,
        }
    )
    return 0


if __name__ == "__main__":
    stage = sys.argv[1] if len(sys.argv) > 1 else "load"
    if stage not in ("validate", "load"):
        print(f"unknown stage {stage!r}: validate or load", file=sys.stderr)
        sys.exit(2)
    sys.exit(run(stage))
