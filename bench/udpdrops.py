#!/usr/bin/env python3
"""Which UDP socket the kernel dropped datagrams for, while a step runs.

/proc/net/snmp's RcvbufErrors counts the machine's drops; /proc/net/udp{,6} has a `drops`
column per socket, but a socket's line goes when its process closes it (SIPp's do at its end),
so this polls until it is stopped and keeps each socket's last count.

    udpdrops.py watch FILE &        poll every 0.2 s, write "port inode drops" lines to FILE
    udpdrops.py show FILE NAME=PORT ...   one line: the sockets with drops, named by port
"""
import signal
import sys
import time


def sockets():
    found = {}
    for table in ("/proc/net/udp", "/proc/net/udp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    port = int(cols[1].rsplit(":", 1)[1], 16)
                    found[(port, cols[9])] = int(cols[-1])
        except OSError:
            pass
    return found


def watch(path):
    # A socket's drops at its start are not this step's: counted from the first reading.
    start = sockets()
    last = {}
    running = [True]
    signal.signal(signal.SIGTERM, lambda *_: running.__setitem__(0, False))
    while running[0]:
        for key, drops in sockets().items():
            last[key] = drops - start.get(key, 0)
        with open(path, "w") as f:
            for (port, inode), drops in sorted(last.items()):
                if drops > 0:
                    f.write(f"{port} {inode} {drops}\n")
        time.sleep(0.2)


def show(path, names):
    by_port = {}
    for spec in names:
        name, _, port = spec.partition("=")
        if port:
            by_port[int(port)] = name
    totals = {}
    try:
        with open(path) as f:
            for line in f:
                port, _, drops = line.split()
                name = by_port.get(int(port), "port" + port)
                totals[name] = totals.get(name, 0) + int(drops)
    except OSError:
        pass
    print(" ".join(f"{n}:{d}" for n, d in sorted(totals.items())) or "none")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "watch":
        watch(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "show":
        show(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
