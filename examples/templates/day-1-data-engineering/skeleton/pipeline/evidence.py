"""Evidence for the local CI: the JSON a step leaves in $ONRAMP_EVIDENCE_FILE."""
import json
import os


def write_evidence(details: dict) -> None:
    """Writes details when CI asked for them (the runner records them)."""
    target = os.environ.get("ONRAMP_EVIDENCE_FILE")
    if target:
        with open(target, "w", encoding="utf-8") as f:
            json.dump(details, f, indent=2, sort_keys=True)
