"""Building a whole store's worth of objects at once: reading the file, parsing the facts, indexing them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hundreds of thousands of new containers, none of them garbage, would set off collections that walk
    all of them again and again (half the start-up time at 100,000 facts). They live as long as the
    catalog or the store, so once built they are also moved out of the collector's sight for good."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
