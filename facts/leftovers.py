"""Temporary files that writers killed mid-write left beside the store.

`write_atomically` writes `facts.storage.temporary_name` (`.<file>.<pid>.tmp`, for the store and for each
of its backups) and renames it over `<file>`; a writer killed before the
rename leaves its temporary file behind (the store itself is untouched). Each one is as big as the store,
so they are removed when a long-running command opens the store, once their writer is gone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def remove_leftovers(path: Path) -> None:
    """Removes the temporary files of the store and of its backups whose writer is no longer running."""
    pattern = re.compile(r"\." + re.escape(path.name) + r"(?:\.[^/]*)?\.(\d+)\.tmp")
    for entry in path.parent.iterdir():
        match = pattern.fullmatch(entry.name)
        if match and int(match[1]) != os.getpid() and not _alive(int(match[1])):
            entry.unlink(missing_ok=True)
