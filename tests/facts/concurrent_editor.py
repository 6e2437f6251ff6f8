"""A moderator's edit, retried until accepted: in the threads of `test_concurrent_edits.py`, and as a
process of its own (`python -m tests.facts.concurrent_editor STORE FACT NAME`: reads the fact, says
`prêt`, waits for a line on stdin, then edits and says `refusé MESSAGE` for a first refusal, and
`accepté` once its edit is in)."""

import sys
from pathlib import Path

from facts.store import FactStore, StaleEdit


def topics_at(store: FactStore, fact_id: int, version: int) -> tuple[str, ...]:
    """The topics as the moderator saw them at `version` (what their form was filled with)."""
    entry = next(e for e in store.history(fact_id) if e["after"] and e["after"].get("version") == version)
    return tuple(entry["after"]["topics"])


def edit_until_accepted(store: FactStore, fact_id: int, name: str, version: int) -> StaleEdit | None:
    """Adds `name` to the topics of the version read; after a refusal, reads the fact again and retries.
    Returns the refusal of the first attempt, None if it was accepted."""
    first_refusal = None
    while True:
        try:
            store.update_fact(fact_id, {"topics": (*topics_at(store, fact_id, version), name)}, name, version)
            return first_refusal
        except StaleEdit as refusal:
            first_refusal = first_refusal or refusal
            version = store.get(fact_id).version


def main(path: Path, fact_id: int, name: str) -> None:
    store = FactStore(path)
    version = store.get(fact_id).version
    print("prêt", flush=True)
    sys.stdin.readline()
    refusal = edit_until_accepted(store, fact_id, name, version)
    if refusal is not None:
        print("refusé", refusal, flush=True)
    print("accepté", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
