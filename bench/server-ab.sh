#!/usr/bin/env bash
# CPU per call of two or more builds of the `server`, and of the bare JAIN-SIP UAS, taking turns
# in one run (A/B interleaved: on a shared machine the load moves more than the code does).
#
#   SERVERS="main:/tmp/main.jar mine:target/ucma-workbench.jar" bench/server-ab.sh
#   SERVERS="c2:/tmp/main.jar c1:/tmp/main.jar" BARES="bare bare_c1" OPTS_c1=-XX:TieredStopAtLevel=1 \
#       OPTS_bare_c1=-XX:TieredStopAtLevel=1 bench/server-ab.sh    JVM flags on top of the launcher's, per label
#   JAVA_j25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java ...      another JVM for one label (default: java)
#
# Each round starts every server in turn (and BareUas, unless BARE=0) with the launcher's JVM
# options, sends WARMUP_CALLS at WARMUP_RATE (uncounted), then CALLS at RATE, and prints the
# process's CPU time per call (/proc/PID/stat), SIPp's verdict, the failure lines the server
# logged, and where the CPU went by thread (bench/threadcpu.py: JIT, GC, SIP threads). The
# registrar the servers sign in to is the first jar's. AP=1 profiles every counted step with
# async-profiler (bench/common.sh; it adds its own CPU, so read where, not how much), summed by
# `bench/apstacks.py $OUT LABEL`. Asserts nothing; output in $OUT.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/target/bench-ab}; mkdir -p "$OUT"
ROUNDS=${ROUNDS:-4}; RATE=${RATE:-1000}; CALLS=${CALLS:-10000}; WARMUP_RATE=${WARMUP_RATE:-500}; WARMUP_CALLS=${WARMUP_CALLS:-3000}
. "$ROOT/bench/common.sh" # JOPTS, TICKS, SIPP_BUFF, sipp_count, cpu_ticks, per_call
[ -n "${SERVERS:-}" ] || { echo "SERVERS=\"label:jar ...\" is required"; exit 2; }
TARGETS=$SERVERS; [ "${BARE:-1}" = 1 ] && TARGETS="$TARGETS ${BARES:-bare}"
if [ "${BARE:-1}" = 1 ]; then
    (cd "$ROOT" && mvn -q -B -o -DskipTests test-compile && mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$OUT/cp.txt" >/dev/null) || { echo "build failed"; exit 1; }
fi
grep -v '<pause/>' "$ROOT/bench/sipp/load-uac.xml" > "$OUT/load-uac.xml"
free_port() { python3 -c 'import socket
u=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); u.bind(("127.0.0.1",0)); print(u.getsockname()[1])'; }
wait_for() { local i; for ((i = 0; i < 300; i++)); do grep -m1 -E "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
sipp_uac() { # TARGET RATE CALLS TAG
    (cd "$OUT" && timeout 200 sipp -sf "$OUT/load-uac.xml" -key domain example.com -s server "$1" -i 127.0.0.1 -p "$(free_port)" \
        -r "$2" -m "$3" -l $(($2 * 4 + 100)) ${SIPP_BUFF:+-buff_size "$SIPP_BUFF"} -timeout 120s -nostdin -trace_stat -stf "$OUT/$4.csv" > "$OUT/$4.out" 2>&1)
}
REG_JAR=${SERVERS%% *}; REG_JAR=${REG_JAR#*:}
REG=$(free_port)
java "${JOPTS[@]}" -cp "$REG_JAR" io.github.ucmaworkbench.app.cli.WorkbenchCommand registrar --port "$REG" --ignore-stdin > "$OUT/registrar.log" 2>&1 &
REG_PID=$!
trap 'kill $REG_PID 2>/dev/null' EXIT
wait_for "$OUT/registrar.log" 'Registrar listening' >/dev/null || { echo "registrar did not start"; exit 1; }
: > "$OUT/results.txt"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC') $ROUNDS rounds; warm-up $WARMUP_CALLS calls at $WARMUP_RATE/s, then $CALLS at $RATE/s counted" | tee -a "$OUT/results.txt"
for round in $(seq 1 "$ROUNDS"); do
    for t in $TARGETS; do
        label=${t%%:*}; jar=${t#*:}; log="$OUT/$label-$round.log"
        opts=OPTS_$label; read -r -a EXTRA <<< "${!opts:-}"
        jvm=JAVA_$label; JVM=${!jvm:-java}
        if [[ "$t" == bare* ]]; then
            port=$(free_port)
            "$JVM" "${JOPTS[@]}" "${EXTRA[@]}" -cp "$ROOT/target/test-classes:$(cat "$OUT/cp.txt")" io.github.ucmaworkbench.bench.BareUas "$port" > "$log" 2>&1 &
            pid=$!; wait_for "$log" 'BareUas listening' >/dev/null || { echo "bare UAS did not start"; cat "$log"; exit 1; }
        else
            # the ACK wait shortened as in bench 3, so a missing ACK shows before the next server starts
            "$JVM" "${JOPTS[@]}" "${EXTRA[@]}" -Ducma.ackTimeoutMs=3000 -cp "$jar" io.github.ucmaworkbench.app.cli.WorkbenchCommand server \
                --uri sip:server@example.com --server "127.0.0.1:$REG" --transport udp --quiet --ignore-stdin --timeout 3 \
                > "$log" 2> "$log.err" &
            pid=$!; wait_for "$log" 'Server ready' >/dev/null || { echo "server $label did not start"; cat "$log" "$log.err"; exit 1; }
            port=$(grep -m1 -oE 'listening on 127\.0\.0\.1:[0-9]+' "$log" | sed 's/.*://')
        fi
        sipp_uac "127.0.0.1:$port" "$WARMUP_RATE" "$WARMUP_CALLS" "$label-$round-warmup"
        sleep 1
        python3 "$ROOT/bench/threadcpu.py" snap "$pid" "$OUT/$label-$round.t0"
        [ "${AP:-0}" = 1 ] && ap_start "$pid"
        t0=$(cpu_ticks "$pid"); load0=$(cut -d' ' -f1 /proc/loadavg)
        sipp_uac "127.0.0.1:$port" "$RATE" "$CALLS" "$label-$round"; rc=$?
        t1=$(cpu_ticks "$pid"); load1=$(cut -d' ' -f1 /proc/loadavg)
        python3 "$ROOT/bench/threadcpu.py" snap "$pid" "$OUT/$label-$round.t1"
        [ "${AP:-0}" = 1 ] && ap_stop "$pid" "$OUT/$label-$round.collapsed"
        ok=$(sipp_count "$label-$round" "Successful call"); failed=$(sipp_count "$label-$round" "Failed call")
        sleep 4 # a missing ACK is logged after the 3 s wait
        errors=0; [ -f "$log.err" ] && errors=$(grep -c ERROR "$log.err")
        cpu=$(per_call $((t1 - t0)) "${ok:-0}")
        echo "AB round=$round $label cpu_ms_per_call=$cpu ok=${ok:-?} failed=${failed:-?} sipp_rc=$rc failure_lines=$errors load=$load0-$load1" \
            | tee -a "$OUT/results.txt"
        python3 "$ROOT/bench/threadcpu.py" diff "$OUT/$label-$round.t0" "$OUT/$label-$round.t1" "${ok:-1}" | sed 's/^/    /' \
            | tee -a "$OUT/results.txt"
        kill "$pid"; wait "$pid" 2>/dev/null
    done
done
# medians per target
awk '/^AB /{for (i = 1; i <= NF; i++) if ($i ~ /^cpu_ms_per_call=/) {split($i, v, "="); print $3, v[2]}}' "$OUT/results.txt" \
    | sort -k1,1 -k2,2n | awk '{a[$1] = a[$1] " " $2; n[$1]++} END {for (k in a) {split(substr(a[k], 2), v, " "); m = (n[k] % 2) ? v[(n[k] + 1) / 2] : (v[n[k] / 2] + v[n[k] / 2 + 1]) / 2; printf "MEDIAN %s cpu_ms_per_call=%.3f (%s)\n", k, m, substr(a[k], 2)}}' \
    | tee -a "$OUT/results.txt"
