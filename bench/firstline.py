#!/usr/bin/env python3
"""Cold start: milliseconds from launching a command to the first output line matching REGEX.
Usage: firstline.py RUNS REGEX -- CMD...   Prints 'min median max' in ms; kills the command after."""
import re, subprocess, sys, time, statistics, os, signal

runs = int(sys.argv[1]); pattern = re.compile(sys.argv[2]); cmd = sys.argv[sys.argv.index("--") + 1:]
took = []
for _ in range(runs):
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.PIPE,
                         text=True, start_new_session=True)
    deadline = start + 60
    seen = None
    for line in p.stdout:
        if pattern.search(line):
            seen = (time.monotonic() - start) * 1000
            break
        if time.monotonic() > deadline:
            break
    try:
        os.killpg(p.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
    if seen is None:
        print("NA NA NA"); sys.exit(0)
    took.append(seen)
print("%.0f %.0f %.0f" % (min(took), statistics.median(took), max(took)))
