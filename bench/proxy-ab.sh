#!/usr/bin/env bash
# CPU per proxied call of two or more builds of the `registrar` (and of Kamailio, bench 4's
# reference), taking turns in one run: SIPp UAC -> proxy -> SIPp UAS, UDP, record-routed, as in
# bench 4 (A/B interleaved: on a shared machine the load moves more than the code does).
#
#   PROXIES="main:/tmp/main.jar mine:target/ucma-workbench.jar" bench/proxy-ab.sh
#   OPTS_mine="-Dx=y" ...   extra JVM options for the proxy labelled "mine"
#   JAVA_mine=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java ...   another JVM for it (default: java)
#
# Each round starts every proxy in turn with the launcher's JVM options (and Kamailio twice, unless
# KAMAILIO=0: `kamailio` relays in-dialog requests with tm, `kamailio-sl` statelessly as ours does,
# -A STATELESS_INDIALOG), registers a SIPp UAS, sends WARMUP_CALLS at WARMUP_RATE (uncounted), then CALLS at
# RATE, and prints the proxy's CPU time per call (/proc; all of Kamailio's processes), SIPp's
# verdict, the CPU SIPp's two ends used, and for a JVM where its CPU went by thread
# (bench/threadcpu.py). HISTO=4 writes a JVM's class histogram (what it keeps alive) 4 s into each
# counted step to $OUT/LABEL-ROUND.histo; its full collection pauses the JVM and can fail calls
# near its limit. JFR=1 records the last round of each JVM; AP=1 profiles every counted
# step of a JVM with async-profiler (bench/common.sh; it adds its own CPU, so read where, not how
# much), summed by `bench/apstacks.py $OUT LABEL`. Asserts nothing; output in $OUT.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/target/bench-proxy-ab}; mkdir -p "$OUT"
ROUNDS=${ROUNDS:-3}; RATE=${RATE:-1000}; CALLS=${CALLS:-10000}; WARMUP_RATE=${WARMUP_RATE:-500}; WARMUP_CALLS=${WARMUP_CALLS:-5000}
. "$ROOT/bench/common.sh" # JOPTS, TICKS, SIPP_BUFF, sipp_count, tree_ticks, per_call
KAM_CHILDREN=${KAM_CHILDREN:-$(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))}
KAM_BIN=$(command -v kamailio || echo /usr/sbin/kamailio)
[ -n "${PROXIES:-}" ] || { echo "PROXIES=\"label:jar ...\" is required"; exit 2; }
TARGETS=$PROXIES; [ "${KAMAILIO:-1}" = 1 ] && TARGETS="$TARGETS kamailio kamailio-sl"
grep -v '<pause/>' "$ROOT/bench/sipp/load-uac.xml" > "$OUT/load-uac.xml"
# the callee answers 200 without a 180, as in bench 4 (see run.sh)
awk '!done && /<send>/ {skip = 1} skip {if (/<\/send>/) {skip = 0; done = 1}; next} {print}' "$ROOT/bench/sipp/load-uas.xml" > "$OUT/load-uas.xml"
free_port() { python3 -c 'import socket
u=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); u.bind(("127.0.0.1",0)); print(u.getsockname()[1])'; }
wait_for() { local i; for ((i = 0; i < 300; i++)); do grep -m1 -E "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
sipp_uac() { # TARGET RATE CALLS TAG
    (cd "$OUT" && exec timeout 200 sipp -sf "$OUT/load-uac.xml" -key domain example.com -s server "$1" -i 127.0.0.1 -p "$(free_port)" \
        -r "$2" -m "$3" -l $(($2 * 4 + 100)) ${SIPP_BUFF:+-buff_size "$SIPP_BUFF"} -timeout 120s -nostdin -trace_stat -stf "$OUT/$4.csv" > "$OUT/$4.out" 2>&1) &
    UAC_PID=$!
}
: > "$OUT/results.txt"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC') $ROUNDS rounds; warm-up $WARMUP_CALLS calls at $WARMUP_RATE/s, then $CALLS at $RATE/s counted" | tee -a "$OUT/results.txt"
for round in $(seq 1 "$ROUNDS"); do
    for t in $TARGETS; do
        label=${t%%:*}; jar=${t#*:}; log="$OUT/$label-$round.log"; : > "$log"
        port=$(free_port)
        if [[ $t == kamailio* ]]; then
            mode=(); [ "$t" = kamailio-sl ] && mode=(-A STATELESS_INDIALOG)
            sed "s/KAM_PORT/$port/; s/KAM_CHILDREN/$KAM_CHILDREN/" "$ROOT/bench/kamailio/kamailio.cfg" > "$OUT/kamailio.cfg"
            "$KAM_BIN" -f "$OUT/kamailio.cfg" "${mode[@]}" -DD -E -m 512 -M 16 -P "$OUT/kamailio.pid" -Y "$OUT" > "$log" 2>&1 &
            pid=$!; sleep 2
        else
            jfr=(); [ "${JFR:-0}" = 1 ] && [ "$round" = "$ROUNDS" ] && jfr=(-XX:StartFlightRecording=filename="$OUT/$label.jfr",settings="${JFR_SETTINGS:-profile}")
            extra_var="OPTS_$label"; read -r -a extra <<< "${!extra_var:-}"
            jvm_var="JAVA_$label"; jvm=${!jvm_var:-java}
            "$jvm" "${JOPTS[@]}" "${extra[@]}" "${jfr[@]}" -cp "$jar" io.github.ucmaworkbench.app.cli.WorkbenchCommand registrar --port "$port" --ignore-stdin > "$log" 2>&1 &
            pid=$!; wait_for "$log" 'Registrar listening' >/dev/null || { echo "registrar $label did not start"; cat "$log"; exit 1; }
        fi
        uas=$(free_port)
        (cd "$OUT" && exec sipp -sf "$OUT/load-uas.xml" -i 127.0.0.1 -p "$uas" -nostdin ${SIPP_BUFF:+-buff_size "$SIPP_BUFF"} -timeout 3600s > "$OUT/$label-$round-uas.out" 2>&1) &
        uas_pid=$!; sleep 0.5
        (cd "$OUT" && sipp -sf "$ROOT/bench/sipp/load-register.xml" -key domain example.com -key contact_port "$uas" -s server \
            "127.0.0.1:$port" -i 127.0.0.1 -p "$(free_port)" -m 1 -timeout 10s -nostdin > "$OUT/register.out" 2>&1) || echo "register failed"
        sipp_uac "127.0.0.1:$port" "$WARMUP_RATE" "$WARMUP_CALLS" "$label-$round-warmup"; wait "$UAC_PID"
        sleep 1
        [[ $t != kamailio* ]] && python3 "$ROOT/bench/threadcpu.py" snap "$pid" "$OUT/$label-$round.t0"
        [ "${AP:-0}" = 1 ] && [[ $t != kamailio* ]] && ap_start "$pid"
        t0=$(tree_ticks "$pid"); u0=$(tree_ticks "$uas_pid"); load0=$(cut -d' ' -f1 /proc/loadavg)
        sipp_uac "127.0.0.1:$port" "$RATE" "$CALLS" "$label-$round"
        # what the JVM keeps alive mid-step; its full collection pauses the JVM (read what, not how much)
        [ -n "${HISTO:-}" ] && [[ $t != kamailio* ]] && (sleep "$HISTO"; jcmd "$pid" GC.class_histogram 2>&1 | head -40 > "$OUT/$label-$round.histo") &
        wait "$UAC_PID"; rc=$?
        t1=$(tree_ticks "$pid"); u1=$(tree_ticks "$uas_pid"); load1=$(cut -d' ' -f1 /proc/loadavg)
        [[ $t != kamailio* ]] && python3 "$ROOT/bench/threadcpu.py" snap "$pid" "$OUT/$label-$round.t1"
        [ "${AP:-0}" = 1 ] && [[ $t != kamailio* ]] && ap_stop "$pid" "$OUT/$label-$round.collapsed"
        ok=$(sipp_count "$label-$round" "Successful call"); failed=$(sipp_count "$label-$round" "Failed call")
        achieved=$(awk -F';' 'END { split($5, t, ":"); s = t[1] * 3600 + t[2] * 60 + t[3]; if (s > 0) printf "%d", n / s }' n="${ok:-0}" "$OUT/$label-$round.csv" 2>/dev/null)
        cpu=$(per_call $((t1 - t0)) "${ok:-0}")
        uascpu=$(per_call $((u1 - u0)) "${ok:-0}")
        echo "PAB round=$round $label cpu_ms_per_call=$cpu ok=${ok:-?} failed=${failed:-?} achieved=${achieved:-?}/s sipp_rc=$rc uas_cpu_ms_per_call=$uascpu load=$load0-$load1" \
            | tee -a "$OUT/results.txt"
        [[ $t != kamailio* ]] && python3 "$ROOT/bench/threadcpu.py" diff "$OUT/$label-$round.t0" "$OUT/$label-$round.t1" "${ok:-1}" | sed 's/^/    /' \
            | tee -a "$OUT/results.txt"
        kill "$uas_pid" "$pid" 2>/dev/null; wait "$uas_pid" "$pid" 2>/dev/null
    done
done
awk '/^PAB /{for (i = 1; i <= NF; i++) if ($i ~ /^cpu_ms_per_call=/) {split($i, v, "="); print $3, v[2]}}' "$OUT/results.txt" \
    | sort -k1,1 -k2,2n | awk '{a[$1] = a[$1] " " $2; n[$1]++} END {for (k in a) {split(substr(a[k], 2), v, " "); m = (n[k] % 2) ? v[(n[k] + 1) / 2] : (v[n[k] / 2] + v[n[k] / 2 + 1]) / 2; printf "MEDIAN %s cpu_ms_per_call=%.3f (%s)\n", k, m, substr(a[k], 2)}}' \
    | tee -a "$OUT/results.txt"
