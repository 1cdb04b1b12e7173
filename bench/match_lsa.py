#!/usr/bin/env python3
"""make bench, matching peer: scipy's linear_sum_assignment on the expanded
assignment form that build/release/bench/match_bench wrote (DIR/lsa.bin:
rows = waiting jeugdigen, one column per place, float64; DIR/lsa.txt:
rows, columns, the sum of the "not now" costs, our optimum of the same
problem). Prints the median time of ROUNDS solves (building the matrix in
memory is not timed) and whether its optimum equals ours.

    match_lsa.py DIR ROUNDS
"""
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main():
    d, rounds = sys.argv[1], int(sys.argv[2])
    with open(f"{d}/lsa.txt") as f:
        n, cols, wacht, ons = (int(x) for x in f.read().split())
    c = np.fromfile(f"{d}/lsa.bin", dtype=np.float64).reshape(n, cols)
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        r, k = linear_sum_assignment(c)
        times.append((time.perf_counter() - t0) * 1000)
    total = wacht + int(round(c[r, k].sum()))
    times.sort()
    print(f"lsa_ms {times[len(times) // 2]:.3f}")
    print(f"lsa_cost {total} {'equal' if total == ons else 'DIFFERENT from ours ' + str(ons)}")


if __name__ == "__main__":
    main()
