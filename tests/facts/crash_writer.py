"""The writer the crash test kills: opens a store the way the bot does, then changes it until killed.

Each line on stdout acknowledges a change after the store's write returned (so it is on disk):
`ajout ID TITRE`, `modif ID VERSION TITRE`, `suppr ID VERSION`, and for a batch `lot TITRE…` announced
before it starts, then `lot-ok TITRE…` once written. Journal folding is made frequent so that kills land
while a snapshot and its backup are being written too.

    python -m tests.facts.crash_writer STORE SEED BACKUPS
"""

import itertools
import random
import sys
from pathlib import Path

import facts.storage
from facts.backups import open_backed_up
from tests.facts.sample import make_fact


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(path: Path, seed: int, backups: int) -> None:
    facts.storage.COMPACT_MIN_BYTES = 8 * 1024
    facts.storage.COMPACT_SHARE = 0.1
    rng = random.Random(seed)
    say("prêt")  # before opening: some kills land while the start-up backup is written
    store = open_backed_up(path, backups)
    for number in itertools.count():
        title = f"s{seed}-{number}"
        live = store.facts()
        roll = rng.random()
        if roll < 0.4 or not live:
            added = store.add_fact(make_fact(title), who="crash")
            say(f"ajout {added.id} {title}")
        elif roll < 0.7:
            target = rng.choice(live)
            edited = store.update_fact(target.id, {"title": title}, who="crash", expected_version=target.version)
            say(f"modif {edited.id} {edited.version} {title}")
        elif roll < 0.8:
            target = rng.choice(live)
            deleted = store.delete_fact(target.id, who="crash", expected_version=target.version)
            say(f"suppr {deleted.id} {deleted.version}")
        else:
            titles = [f"{title}-{part}" for part in range(3)]
            say("lot " + " ".join(titles))
            with store.batch():
                for batch_title in titles:
                    store.add_fact(make_fact(batch_title), who="crash")
                target = rng.choice(live)
                store.update_fact(target.id, {"summary": title}, who="crash", expected_version=target.version)
            say("lot-ok " + " ".join(titles))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
