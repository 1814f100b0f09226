#!/usr/bin/env python3
"""Cold start, interleaved: milliseconds from launching each command to its first output line
matching its REGEX, the commands taking turns (round 1: A B C, round 2: A B C, ...) so a busy
machine weighs on all of them alike.

Usage: coldstart.py RUNS NAME REGEX [--also NAME2 REGEX2]... -- CMD... [--- NAME REGEX ... -- CMD...]...
--also times an earlier line of the same run as a figure of its own (NAME2), e.g. the frame's
first paint before the whole window; the run still ends at REGEX. Prints one line per NAME:
'NAME min median max cpu edt': wall ms, then the medians of the process's own user+system time when
the line appeared (less sensitive to other load than wall time) and of its AWT event thread's own,
edt NA for a process without one (CMD must be the JVM itself or exec it, not fork it).
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


def edt_ms(pid):
    """CPU ms of the process's AWT event thread (the one the window is built and painted on), or NaN."""
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return float("nan")
    for tid in tids:
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                stat = f.read()
        except OSError:
            continue
        # the kernel keeps 15 characters of a thread's name: "AWT-EventQueue-"
        if stat[stat.index("(") + 1:stat.rindex(")")].startswith("AWT-EventQueue"):
            fields = stat.rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) * 1000.0 / TICK
    return float("nan")


def once(pattern, cmd, log, also=()):
    """(ms, (cpu_ms, edt_ms), {NAME2: (ms, (cpu_ms, edt_ms))}) until the line, or (None, None, ...) after 60 s; a failed run's output goes to log."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.PIPE,
                         text=True, start_new_session=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in p.stdout] + [lines.put(None)], daemon=True).start()
    seen = cpu = None
    early = {}
    output = []
    while True:
        try:
            line = lines.get(timeout=max(0.0, start + 60 - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        output.append(line)
        for name, regex in also:
            if name not in early and regex.search(line):
                early[name] = ((time.monotonic() - start) * 1000, (cpu_ms(p.pid), edt_ms(p.pid)))
        if pattern.search(line):
            seen = (time.monotonic() - start) * 1000
            cpu = (cpu_ms(p.pid), edt_ms(p.pid))
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
    return seen, cpu, early


def main(argv):
    runs = int(argv[0])
    cases, group = [], []
    for arg in argv[1:] + ["---"]:
        if arg != "---":
            group.append(arg)
            continue
        name, regex = group[0], group[1]
        cut = group.index("--")
        also = [(group[i + 1], re.compile(group[i + 2])) for i in range(2, cut) if group[i] == "--also"]
        cases.append((name, re.compile(regex), group[cut + 1:], also))
        group = []
    log = os.environ.get("COLDSTART_FAILURES", "coldstart-failures.log")
    names = [n for name, _, _, also in cases for n in [name] + [a for a, _ in also]]
    took = {name: [] for name in names}
    cpus = {name: [] for name in names}
    for _ in range(runs):
        for name, pattern, cmd, also in cases:
            seen, cpu, early = once(pattern, cmd, log, also)
            if seen is not None:
                took[name].append(seen)
                cpus[name].append(cpu)
                # an earlier line counts only in a run that reached the whole
                for other, (ms, other_cpu) in early.items():
                    took[other].append(ms)
                    cpus[other].append(other_cpu)
    for name in names:
        t = took[name]
        if len(t) < runs:
            print("%s NA NA NA NA NA" % name)
        else:
            edts = [e for _, e in cpus[name] if e == e]
            edt = "%.0f" % statistics.median(edts) if len(edts) == len(t) else "NA"
            print("%s %.0f %.0f %.0f %.0f %s" % (name, min(t), statistics.median(t), max(t),
                                                 statistics.median([c for c, _ in cpus[name]]), edt))


if __name__ == "__main__":
    main(sys.argv[1:])
