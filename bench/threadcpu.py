#!/usr/bin/env python3
"""CPU time and voluntary sleeps of a JVM's threads, grouped by name (numbers stripped).

  threadcpu.py snap PID FILE          save every thread's CPU ticks and voluntary context switches
  threadcpu.py diff BEFORE AFTER N    per-group CPU ms and sleeps per unit (e.g. per call) between two snaps

Where a process's CPU per call goes: JIT compiler threads, GC, and the SIP threads one by one;
a thread hand-off shows as a sleep (a voluntary context switch) of the thread that waited."""
import collections, json, os, re, sys


def group(name):
    return re.sub(r"[-#]?\d+$", "", re.sub(r"\d+\.\d+\.\d+\.\d+/?\d*", "IP", name)).replace(" ", "_")


def snap(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
            status = open(f"/proc/{pid}/task/{tid}/status").read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        sleeps = int(re.search(r"^voluntary_ctxt_switches:\s+(\d+)", status, re.M).group(1))
        threads[tid] = (stat[stat.index("(") + 1:stat.rindex(")")], int(fields[11]) + int(fields[12]), sleeps)
    return threads


def diff(before, after, units):
    hz = os.sysconf("SC_CLK_TCK")
    cpu, sleeps = collections.Counter(), collections.Counter()
    for tid, (name, ticks, slept) in after.items():
        _, ticks0, slept0 = before.get(tid, (name, 0, 0))
        cpu[group(name)] += ticks - ticks0
        sleeps[group(name)] += slept - slept0
    print("cpu_ms:", " ".join("%s=%.3f" % (k, v * 1000 / hz / units) for k, v in cpu.most_common() if v > 0),
          "total=%.3f" % (sum(cpu.values()) * 1000 / hz / units))
    print("sleeps:", " ".join("%s=%.2f" % (k, v / units) for k, v in sleeps.most_common() if v > units / 100),
          "total=%.2f" % (sum(sleeps.values()) / units))


if sys.argv[1] == "snap":
    json.dump(snap(sys.argv[2]), open(sys.argv[3], "w"))
else:
    diff(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), int(sys.argv[4]))
