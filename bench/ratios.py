#!/usr/bin/env python3
"""Print medians and ratios from one benchmark result file.

  ratios.py hyperfine FILE.json          first command against the second
  ratios.py gbench FILE.json A:B [C ...] Google Benchmark: A against B; a
                                          name without ':' is printed alone
"""
import json
import sys

UNIT_TO_US = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}


def label(command):
    """`/long/path/daybreak log evening ...` -> `daybreak log`."""
    words = command.split()
    return " ".join([words[0].rsplit("/", 1)[-1]] + words[1:2])


def hyperfine(path):
    r = json.load(open(path))["results"]
    a, b = r[0]["median"] * 1000, r[1]["median"] * 1000
    name = path.rsplit("/", 1)[-1]
    print(f"{name}: {label(r[0]['command'])} median {a:.2f} ms, "
          f"{label(r[1]['command'])} median {b:.2f} ms, ratio {a / b:.2f}")


def gbench(path, pairs):
    medians = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") == "median":
            medians[b["run_name"].split("/")[0]] = b["real_time"] * UNIT_TO_US[b["time_unit"]]
    for pair in pairs:
        ours, _, ref = pair.partition(":")
        if not ref:
            print(f"{ours}: {medians[ours]:.2f} us")
        else:
            print(f"{ours}: {medians[ours]:.2f} us vs {ref}: {medians[ref]:.2f} us, "
                  f"ratio {medians[ours] / medians[ref]:.2f}")


if __name__ == "__main__":
    kind, path, *rest = sys.argv[1:]
    hyperfine(path) if kind == "hyperfine" else gbench(path, rest)
