#!/usr/bin/env python3
"""Cold start, interleaved: milliseconds from launching each command to its first output line
matching its REGEX, the commands taking turns (round 1: A B C, round 2: A B C, ...) so a busy
machine weighs on all of them alike.

Usage: coldstart.py RUNS NAME REGEX -- CMD... [--- NAME REGEX -- CMD...]...
Prints one line per NAME: 'NAME min median max wall_ms cpu_median_ms' where cpu is the process's
own user+system time when the line appeared (less sensitive to other load than wall time).
A command that never prints its line within 60 s gives 'NA', and its output goes to
$COLDSTART_FAILURES (default ./coldstart-failures.log)."""
import os, queue, re, signal, statistics, subprocess, sys, threading, time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / TICK
    except (OSError, IndexError, ValueError):
        return float("nan")


def once(pattern, cmd, log):
    """(ms, cpu_ms) until the line, or (None, None) after 60 s; a failed run's output goes to log."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.PIPE,
                         text=True, start_new_session=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in p.stdout] + [lines.put(None)], daemon=True).start()
    seen = cpu = None
    output = []
    while True:
        try:
            line = lines.get(timeout=max(0.0, start + 60 - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        output.append(line)
        if pattern.search(line):
            seen = (time.monotonic() - start) * 1000
            cpu = cpu_ms(p.pid)
            break
    try:
        os.killpg(p.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    if seen is None:
        with open(log, "a") as f:
            f.write("### no line matching %r within 60 s from: %s\n%s\n" % (pattern.pattern, " ".join(cmd), "".join(output[-200:])))
    return seen, cpu


def main(argv):
    runs = int(argv[0])
    cases, group = [], []
    for arg in argv[1:] + ["---"]:
        if arg != "---":
            group.append(arg)
            continue
        name, regex = group[0], group[1]
        cases.append((name, re.compile(regex), group[group.index("--") + 1:]))
        group = []
    log = os.environ.get("COLDSTART_FAILURES", "coldstart-failures.log")
    took = {name: [] for name, _, _ in cases}
    cpus = {name: [] for name, _, _ in cases}
    for _ in range(runs):
        for name, pattern, cmd in cases:
            seen, cpu = once(pattern, cmd, log)
            if seen is not None:
                took[name].append(seen)
                cpus[name].append(cpu)
    for name, _, _ in cases:
        t = took[name]
        if len(t) < runs:
            print("%s NA NA NA NA" % name)
        else:
            print("%s %.0f %.0f %.0f %.0f" % (name, min(t), statistics.median(t), max(t), statistics.median(cpus[name])))


if __name__ == "__main__":
    main(sys.argv[1:])
