#!/usr/bin/env python3
"""Interleaved whole-process timings: each round runs every command once, in
turn, so that a shared machine's drifting load falls on all of them alike
(hyperfine runs one command's runs, then the next's). Prints the median wall
time and CPU time (user + sys) of each, and its ratio to the last command's.

Usage: bench/interleave.py ROUNDS 'COMMAND' 'COMMAND' ... (3 warm-up rounds
first; the environment is passed on, so set DAYBREAK_HOME and the rest).
"""
import resource
import shlex
import statistics
import subprocess
import sys
import time


def main():
    rounds = int(sys.argv[1])
    commands = sys.argv[2:]
    wall = {c: [] for c in commands}
    cpu = {c: [] for c in commands}
    for r in range(rounds + 3):
        for c in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(shlex.split(c), stdout=subprocess.DEVNULL, check=True)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if r >= 3:
                wall[c].append(elapsed * 1000)
                cpu[c].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    reference = statistics.median(wall[commands[-1]])
    for c in commands:
        w = statistics.median(wall[c])
        print(f"{c[:60]:60} wall median {w:7.1f} ms  cpu median {statistics.median(cpu[c]):7.1f} ms  "
              f"ratio {w / reference:.2f}")


if __name__ == "__main__":
    main()
