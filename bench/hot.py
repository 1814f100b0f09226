#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples: what the CPU was doing.
Usage: hot.py RECORDING.jfr [N]"""
import collections, subprocess, sys
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "8", sys.argv[1]],
                     capture_output=True, text=True).stdout
top = collections.Counter(); ours = collections.Counter(); total = 0
frames = []
def flush():
    global frames, total
    if frames:
        total += 1
        top[frames[0]] += 1
        mine = next((f for f in frames if "ucmaworkbench" in f), None)
        if mine: ours[mine] += 1
    frames = []
for line in out.splitlines():
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"):
        flush()
    elif " line: " in s:
        frames.append(s.split(" line: ")[0])
flush()
n = int(sys.argv[2]) if len(sys.argv) > 2 else 12
print("samples", total)
print("-- top frames")
for f, c in top.most_common(n): print("%5.1f%%  %s" % (100.0 * c / max(1, total), f))
print("-- first frame of ours (within 8 frames)")
for f, c in ours.most_common(6): print("%5.1f%%  %s" % (100.0 * c / max(1, total), f))
