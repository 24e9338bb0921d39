#!/usr/bin/python3
"""Holds one run of bench/host_benchmarks against an earlier one, both written with
--benchmark_out=FILE (JSON): for each benchmark in both, the CPU time per iteration (the median
when the runs were repeated) before and after, and REGRESSION where it grew by more than the
threshold. Exits 1 when any did, so a script or CI step fails on it.

  bench/compare_runs.py BEFORE.json AFTER.json [--threshold 0.10]
"""
import argparse
import json
import sys


def cpu_times(path):
    """CPU time per iteration by benchmark name: the median aggregate where there is one."""
    with open(path, encoding="utf-8") as file:
        runs = json.load(file)["benchmarks"]
    times, medians = {}, {}
    for run in runs:
        if run.get("error_occurred"):
            continue
        name = run.get("run_name", run["name"])
        if run.get("run_type") == "aggregate":
            if run.get("aggregate_name") == "median":
                medians[name] = run["cpu_time"]
        else:
            times.setdefault(name, run["cpu_time"])
    times.update(medians)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--threshold", type=float, default=0.10,
                        help="relative growth of the CPU time counted as a regression (default: %(default)s)")
    arguments = parser.parse_args()
    before, after = cpu_times(arguments.before), cpu_times(arguments.after)
    regressions = 0
    print(f"{'benchmark':<34} {'before':>12} {'after':>12} {'after/before':>13}")
    for name in sorted(before.keys() & after.keys()):
        ratio = after[name] / before[name]
        flag = ""
        if ratio > 1 + arguments.threshold:
            flag = "REGRESSION"
            regressions += 1
        print(f"{name:<34} {before[name]:12.5g} {after[name]:12.5g} {ratio:12.3f}x {flag}")
    for name in sorted(before.keys() ^ after.keys()):
        print(f"{name:<34} only in {'the first' if name in before else 'the second'} run")
    print(f"{regressions} regression(s) beyond {arguments.threshold:.0%} (CPU time per iteration)")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
