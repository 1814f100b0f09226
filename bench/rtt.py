#!/usr/bin/env python3
"""p50/p99 (ms) of SIPp's per-call response times (-trace_rtt -rtt_freq 1), skipping WARMUP calls.
Usage: rtt.py FILE [WARMUP]"""
import sys
rows = [l.strip().split(";") for l in open(sys.argv[1]) if l.strip() and not l.startswith("Date")]
values = [float(r[1]) for r in rows if len(r) > 1]
values = values[int(sys.argv[2]) if len(sys.argv) > 2 else 0:]
values.sort()
def pct(p): return values[max(0, min(len(values) - 1, int(-(-p * len(values) // 100)) - 1))]
print("n=%d p50_ms=%.2f p99_ms=%.2f" % (len(values), pct(50), pct(99)))
