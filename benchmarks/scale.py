"""Lookups, autocomplete, writes, start-up and memory at 1,000 / 10,000 / 100,000 facts, against a naive
TinyDB + rapidfuzz scan on the same data and queries. `make bench`; `python -m benchmarks --facts N --json`."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import shutil
import statistics
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz
from tinydb import TinyDB

from benchmarks.synthetic import generate, write_store
from bot.commands import answer
from bot.settings import DEFAULT_BACKUPS
from facts import catalog_cache, storage
from facts.backups import open_backed_up
from facts.catalog import Catalog
from facts.completion import complete
from facts.store import FactStore

WRITES = 100
GUILD = 1  # the bot answers in a server: the server's catalog


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def query_mix(catalog: Catalog, facts, rng: random.Random, count: int) -> list[tuple[str, set[str]]]:
    """(query, the parties a right answer involves): exact, typo, English, partial and two-entity queries."""
    queries = []
    for fact in rng.sample(facts, min(count, len(facts))):
        a, b = (catalog.entities[p] for p in fact.parties)
        style = rng.randrange(5)
        if style == 0:
            text = f"{a.name} {b.name}"
        elif style == 1:
            text = f"{a.name[:-1] if len(a.name) > 5 else a.name} {b.name}"  # a typo: last letter dropped
        elif style == 2:
            text = " ".join(n for n in (a.aliases[:1] or (a.name,)) + (b.aliases[:1] or (b.name,)))  # English
        elif style == 3:
            text = a.name
        else:
            text = f"{b.name} {a.name}"
        queries.append((text, set(fact.parties) if style != 3 else {a.id}))
    return queries


def naive_lookup(db: TinyDB, names: dict[str, str], text: str) -> dict | None:
    def score(doc: dict) -> float:
        haystack = doc["title"] + " " + " ".join(names.get(p, p) for p in doc["parties"])
        return fuzz.WRatio(text, haystack)

    scored = [(score(doc), doc) for doc in db.table("facts").all()]
    return max(scored, key=lambda item: item[0])[1] if scored else None


def _in_fresh_process(function, *args):
    """`function(*args)` in a process of its own: memory and start-up measured there are its alone."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def _write(store: FactStore, catalog: Catalog, fact) -> Catalog:
    """A moderator's write as the bot makes it: durable, then the catalog follows it."""
    with store.watch() as changes:
        store.add_fact(replace(fact, id=0), "bench")
    return catalog.following(changes, store, GUILD)


def _lookups(catalog_of, mix) -> tuple[list[float], int]:
    """Latency of each query of the mix (ms) and how many got a right first answer."""
    times, right = [], 0
    for text, wanted in mix:
        catalog = catalog_of()
        began = time.perf_counter()
        reply = answer(catalog, "chercher", text)
        times.append((time.perf_counter() - began) * 1000)
        first = _first_fact_id(reply.payload)
        right += first is not None and wanted <= set(catalog.by_id[first].parties)
    return times, right


def _start(path: Path) -> tuple[FactStore, Catalog, float]:
    """The bot's start-up: the store opened under the writers' lock and backed up, the server's catalog
    (from its cache when one fits), then a first answer; then, off that path, the cache written when the
    catalog had to be derived. The store, the catalog and the seconds until the first answer."""
    started = time.perf_counter()
    store = open_backed_up(path, DEFAULT_BACKUPS)
    catalog, built_from = catalog_cache.load_or_build(store, GUILD)
    answer(catalog, "chercher", "Japon")
    startup = time.perf_counter() - started
    if built_from is not None:
        catalog_cache.save(store, catalog, GUILD, built_from)
    return store, catalog, startup


def _start_alone(path: Path) -> float:
    """A start-up in a process of its own, which leaves the cache behind when it had to derive the catalog."""
    store, _, startup = _start(path)
    store.close()
    return startup


def _write_a_new_snapshot(path: Path) -> None:
    """A moderator's write that the storage makes a new snapshot line (once per quarter of the store written
    to its journal; forced here, in this process only), then what the bot does after such a write once writes
    pause: the server's cache written again from the catalog that followed the write."""
    storage.COMPACT_MIN_BYTES = storage.COMPACT_SHARE = 0
    store, catalog, _ = _start(path)
    before = store.extent()
    catalog = _write(store, catalog, generate(1, seed=5)[1][0])
    after = store.extent()
    assert catalog_cache.outdates_caches(before, after)
    catalog_cache.save(store, catalog, GUILD, after)
    store.close()


def measure(count: int, queries: int, naive_queries: int) -> dict:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        path, naive_path = Path(folder) / "store.json", Path(folder) / "naive.json"
        _in_fresh_process(write_store, path, count)  # the generator's memory must not count in ours
        shutil.copyfile(path, naive_path)
        # The first start (no catalog cache yet) in a process of its own; the start right after a write that
        # rewrote the snapshot line, in a process of its own; then the start measured here: the bot's usual
        # one, of a store it has already opened.
        startup_cold = _in_fresh_process(_start_alone, path)
        _in_fresh_process(_write_a_new_snapshot, path)
        startup_after_rewrite = _in_fresh_process(_start_alone, path)
        store, catalog, startup = _start(path)
        facts = list(catalog.facts)
        mix = query_mix(catalog, facts, rng, queries)
        lookups, right = _lookups(lambda: catalog, mix)
        completions = []
        for text, _ in mix:
            typed = text[: rng.randrange(2, max(3, len(text)))]
            began = time.perf_counter()
            complete(catalog, "accord", typed)
            completions.append((time.perf_counter() - began) * 1000)
        _, spare = generate(2000, seed=99)
        writes = []
        for fact in spare[:WRITES]:
            began = time.perf_counter()
            catalog = _write(store, catalog, fact)
            writes.append((time.perf_counter() - began) * 1000)
        # Lookups while a moderator writes without pause in another thread, as the bot runs both.
        current, stop, concurrent_writes = [catalog], threading.Event(), []

        def writer() -> None:
            for fact in spare[WRITES:]:
                if stop.is_set():
                    break
                current[0] = _write(store, current[0], fact)
                concurrent_writes.append(fact)

        thread = threading.Thread(target=writer)
        thread.start()
        during, _ = _lookups(lambda: current[0], mix)
        stop.set()
        thread.join()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the baseline loads its copy
        names = {entity_id: entity.name for entity_id, entity in catalog.entities.items()}
        naive_db = TinyDB(naive_path)
        naive_times, naive_right = [], 0
        for text, wanted in mix[:naive_queries]:
            began = time.perf_counter()
            doc = naive_lookup(naive_db, names, text)
            naive_times.append((time.perf_counter() - began) * 1000)
            naive_right += doc is not None and wanted <= set(doc["parties"])
        naive_db.close()
        store.close()
    ours_right_share = right / len(mix)
    return {
        "facts": count,
        "lookup_p50_ms": round(statistics.median(lookups), 2),
        "lookup_p99_ms": round(percentile(lookups, 0.99), 2),
        "lookup_during_writes_p50_ms": round(statistics.median(during), 2),
        "lookup_during_writes_p99_ms": round(percentile(during, 0.99), 2),
        "writes_during_lookups": len(concurrent_writes),
        "autocomplete_p50_ms": round(statistics.median(completions), 2),
        "autocomplete_p99_ms": round(percentile(completions, 0.99), 2),
        "write_p50_ms": round(statistics.median(writes), 1),
        "write_p95_ms": round(percentile(writes, 0.95), 1),
        "startup_s": round(startup, 2),
        "startup_cold_s": round(startup_cold, 2),
        "startup_after_rewrite_s": round(startup_after_rewrite, 2),
        "rss_mb": round(rss),
        "naive_lookup_p50_ms": round(statistics.median(naive_times), 1),
        "naive_lookup_p99_ms": round(percentile(naive_times, 0.99), 1),
        "speedup_p99": round(percentile(naive_times, 0.99) / max(percentile(lookups, 0.99), 1e-6)),
        "right_share": round(ours_right_share, 3),
        "naive_right_share": round(naive_right / max(1, len(naive_times)), 3),
        "queries": len(mix),
        "naive_queries": len(naive_times),
    }


def _first_fact_id(payload: dict) -> int | None:
    footer = (payload.get("embeds") or [{}])[0].get("footer", {}).get("text", "")
    return int(footer.split("n°")[1].split()[0]) if footer.startswith("Fait n°") else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, action="append", help="taille(s) de base ; défaut : 1000 10000 100000")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--naive-queries", type=int, default=100, help="le balayage naïf est lent : moins de requêtes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = args.facts or [1000, 10000, 100000]
    results = {str(n): _in_fresh_process(measure, n, args.queries, args.naive_queries) for n in sizes}
    if args.json:
        print(json.dumps(results))
        return
    columns = ("lookup_p50_ms", "lookup_p99_ms", "lookup_during_writes_p99_ms", "autocomplete_p99_ms",
               "write_p95_ms", "startup_s", "startup_cold_s", "startup_after_rewrite_s", "rss_mb",
               "naive_lookup_p99_ms", "speedup_p99", "right_share", "naive_right_share")  # fmt: skip
    print(f"{'faits':>8}" + "".join(f"{c:>22}" for c in columns))
    for count, row in results.items():
        print(f"{count:>8}" + "".join(f"{row[c]:>22}" for c in columns))
