"""`python -m benchmarks`: the scale benchmark (benchmarks/scale.py)."""

from benchmarks.scale import main

main()
