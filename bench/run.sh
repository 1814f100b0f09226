#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md on this machine, side by side with SIPp and Kamailio.
# Prints figures; asserts nothing. All traffic stays on 127.0.0.1; every load run is bounded by
# a call count (-m) and a time limit (-timeout).
#
#   bench/run.sh                 all six benchmarks
#   bench/run.sh 1 3             only some of them
#   MEM=window NMT=1 bench/run.sh 5   only the window's memory after a classroom, with native memory tracking
#   STEP_SECONDS=30 bench/run.sh 3 4   longer steps for the rate search (default 10)
#   RATES="500 1000 2000" ...    the rates to climb (calls/s)
#   JFR=1 bench/run.sh 3         record our server (3) and registrar (4) with JFR; prints the hot frames
#   KEEP_CLIMBING=1 ...          do not stop at the first rate with failures (failure counts at every rate)
#   CPU_ROUNDS=5 bench/run.sh 3  turns of ours and the bare UAS for the CPU-per-call figure (default 3)
#   COLD_RUNS=9 bench/run.sh 1   more rounds for the cold start (default 5)
#   AOT_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run.sh 1   also the window on that JDK (24+) with its AOT cache
#   KAM_MODES=sl bench/run.sh 4  Kamailio's ways to relay in-dialog requests: tm, sl (stateless) or both (default);
#                                KAM_MODES= (empty) climbs ours alone (no figure ratio)
#   REG_OPTS="-Xlog:gc:file=/tmp/gc.log" bench/run.sh 4   extra JVM options for our registrar in bench 4
#   BENCH_JAR=/tmp/x.jar bench/run.sh 4   climb another build of ours (A/B climbs; the build still runs)
#   WARMUP_CALLS=2000 WARMUP_RATE=200 ...  the uncounted warm-up before every climb (the defaults)
#
# Every benchmark ends with FIGURE lines, one per row of BENCHMARKS.md's "Latest" table:
#   FIGURE name | ours X | reference Y | ratio X/Y | target T | met or not met | load (1/5/15 min)
# made with: figure NAME OURS REFERENCE "$(ratio X Y)" TARGET "$(at_most R LIMIT)" (or at_least),
# ours and its reference measured in the same run. `grep ^FIGURE target/bench/figures.txt`.
set -uo pipefail

ROOT=${BENCH_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$ROOT"
OUT=${OUT:-$ROOT/target/bench}
STEP_SECONDS=${STEP_SECONDS:-10}
RATES=${RATES:-"25 50 100 250 500 750 1000 1500 2000 3000"}
# JOPTS (the launcher's JVM options), TICKS, SIPP_BUFF, sipp_count, cpu_ticks, tree_ticks, per_call
. "$ROOT/bench/common.sh"
# The window's launcher adds dist.windowOptions (C1 alone: most of a cold start's CPU was C2); the
# window's benchmarks (1, 5's window, 6) run with both, the headless commands with JOPTS alone.
# WINDOW_EXTRA="" measures the window as the headless commands run.
WINDOW_EXTRA=${WINDOW_EXTRA-$(sed -n 's:.*<dist.windowOptions>\(.*\)</dist.windowOptions>.*:\1:p' pom.xml | head -1)}
read -r -a WOPTS <<< "${JOPTS[*]} $WINDOW_EXTRA"
SELECTED=${*:-"1 2 3 4 5 6"}
mkdir -p "$OUT"
PIDS=()

say() { printf '%s\n' "$*" | tee -a "$OUT/figures.txt"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# figure NAME OURS REFERENCE RATIO TARGET VERDICT: one line of the "Latest" table, grep-able
figure() { say "FIGURE $1 | ours $2 | reference $3 | ratio $4 | target $5 | $6 | load $(load)"; }
# ratio A B: A/B with two decimals ("-" when B is 0 or missing)
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
# at_least R LIMIT / at_most R LIMIT: "met" or "not met"
at_least() { awk -v r="$1" -v l="$2" 'BEGIN { print (r != "-" && r + 0 >= l + 0) ? "met" : "not met" }'; }
at_most() { awk -v r="$1" -v l="$2" 'BEGIN { print (r != "-" && r + 0 <= l + 0) ? "met" : "not met" }'; }
cleanup() {
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null
    done
    wait 2>/dev/null
}
trap cleanup EXIT

# --- tools --------------------------------------------------------------------------------------
need_tools() {
    local missing=()
    command -v sipp >/dev/null || missing+=(sip-tester)
    command -v kamailio >/dev/null || [ -x /usr/sbin/kamailio ] || missing+=(kamailio)
    [ ${#missing[@]} -eq 0 ] && return
    echo "installing ${missing[*]} (service starts blocked: Debian's kamailio would take port 5060)"
    # STYLE.md's trap: a temporary policy-rc.d that refuses every service start during the install.
    printf '#!/bin/sh\nexit 101\n' | sudo tee /usr/sbin/policy-rc.d >/dev/null
    sudo chmod +x /usr/sbin/policy-rc.d
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    sudo rm -f /usr/sbin/policy-rc.d
}
sudo() { if [ "$(id -u)" = 0 ]; then "$@"; else command sudo "$@"; fi; }
need_tools
KAMAILIO=$(command -v kamailio || echo /usr/sbin/kamailio)

# --- build --------------------------------------------------------------------------------------
echo "building (mvn package, test classes) ..."
mvn -q -B -o -DskipTests package test-compile 2>/dev/null || mvn -q -B -DskipTests package test-compile || { echo "build failed"; exit 1; }
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
JAR=${BENCH_JAR:-$ROOT/target/ucma-workbench.jar}
TEST_CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/cp.txt")
# The CLI's own entry point: the launcher's Main delegates to it when given arguments.
WB=(java "${JOPTS[@]}" -cp "$JAR" io.github.ucmaworkbench.app.cli.WorkbenchCommand)

: > "$OUT/figures.txt"
say "# UCMA Workbench benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)"
say "# $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1), $($KAMAILIO -v 2>/dev/null | head -1)"

free_port() { python3 -c 'import socket
for _ in range(50):
    u=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); u.bind(("127.0.0.1",0)); p=u.getsockname()[1]
    t=socket.socket(); t.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)
    try:
        t.bind(("127.0.0.1",p)); print(p); break
    except OSError: pass
    finally: t.close(); u.close()'; }

# wait_for FILE REGEX SECONDS: the first matching line, or nothing. Empty FILE before starting the
# process that writes it: a background job's `> FILE` truncates only once the child runs, so this
# could read the previous run's line (bench 3 once aimed SIPp at an old run's bare UAS port).
wait_for() {
    local file=$1 regex=$2 limit=$3 i
    for ((i = 0; i < limit * 10; i++)); do
        grep -m1 -E "$regex" "$file" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# start_registrar PORT LOG [java options...] -> pid in REG_PID
start_registrar() {
    local port=$1 log=$2; shift 2
    : > "$log"
    java "${JOPTS[@]}" "$@" -cp "$JAR" io.github.ucmaworkbench.app.cli.WorkbenchCommand registrar --port "$port" \
        --ignore-stdin > "$log" 2>&1 &
    REG_PID=$!; PIDS+=("$REG_PID")
    wait_for "$log" 'Registrar listening' 30 >/dev/null || { echo "registrar did not start"; cat "$log"; exit 1; }
}

# start_server REGISTRAR_PORT LOG [java options...] -> pid in SRV_PID, listening port in SRV_PORT
start_server() {
    local reg=$1 log=$2; shift 2
    # The ACK wait is 64*T1 (32 s, RFC 3261 §13.3.1.4); shortened to the step's settle time so a
    # missing ACK still shows as server_errors before the next step.
    : > "$log"; : > "$log.err"
    java "${JOPTS[@]}" -Ducma.ackTimeoutMs=$(( ${SERVER_TIMEOUT:-3} * 1000 )) "$@" -cp "$JAR" io.github.ucmaworkbench.app.cli.WorkbenchCommand server \
        --uri sip:server@example.com --server "127.0.0.1:$reg" --transport udp --quiet --ignore-stdin --timeout "${SERVER_TIMEOUT:-3}" \
        > "$log" 2> "$log.err" &
    SRV_PID=$!; PIDS+=("$SRV_PID")
    wait_for "$log" 'Server ready' 30 >/dev/null || { echo "server did not start"; cat "$log" "$log.err"; exit 1; }
    SRV_PORT=$(grep -m1 -oE 'listening on 127\.0\.0\.1:[0-9]+' "$log" | sed 's/.*://')
}

stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

# The load scenario without its call-length pause: SIPp 3.6.1 now and then never wakes a call
# paused for 0 ms (seen as a few "unfinished" calls in the Kamailio runs); CALL_LENGTH_MS
# keeps the pause (-d) for runs that want one.
UAC_SCENARIO=$OUT/load-uac.xml
if [ -n "${CALL_LENGTH_MS:-}" ]; then cp bench/sipp/load-uac.xml "$UAC_SCENARIO"; else grep -v '<pause/>' bench/sipp/load-uac.xml > "$UAC_SCENARIO"; fi
# sipp_uac TARGET_HOST:PORT RATE COUNT TAG [extra sipp args] -> rc; stats in $OUT/TAG.*
sipp_uac() {
    local target=$1 rate=$2 count=$3 tag=$4 port watcher rc; shift 4
    port=$(free_port)
    # which socket the kernel drops datagrams for (drops_by TAG says it afterwards)
    python3 "$ROOT/bench/udpdrops.py" watch "$OUT/$tag.udpdrops" & watcher=$!
    (cd "$OUT" && timeout $((STEP_SECONDS * 3 + 60)) sipp -sf "$UAC_SCENARIO" -key domain example.com \
        -s server "$target" -i 127.0.0.1 -p "$port" -r "$rate" -m "$count" -l $((rate * 4 + 100)) \
        ${SIPP_BUFF:+-buff_size "$SIPP_BUFF"} -timeout $((STEP_SECONDS * 2 + 30))s -nostdin -trace_stat -stf "$OUT/$tag.csv" -trace_err \
        -error_file "$OUT/$tag.errors" ${CALL_LENGTH_MS:+-d "$CALL_LENGTH_MS"} "$@" > "$OUT/$tag.out" 2>&1)
    rc=$?
    kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null
    echo "$port ${target##*:}" > "$OUT/$tag.uacport"
    return $rc
}
# drops_by TAG: the datagrams dropped on receive during that SIPp run, per socket named by its role
drops_by() {
    local uac target
    read -r uac target < "$OUT/$1.uacport"
    python3 "$ROOT/bench/udpdrops.py" show "$OUT/$1.udpdrops" "target=$target" "sipp_uac=$uac" \
        ${SRV_PORT:+server=$SRV_PORT} ${REG:+registrar=$REG} ${UAS:+sipp_uas=$UAS}
}

errors_in() { if [ -n "$1" ] && [ -f "$1" ]; then grep -c ERROR "$1" || true; else echo 0; fi; }

# Datagrams the kernel dropped because a UDP socket's receive buffer was full (machine-wide): a
# step's drops say whether a "never came" in a log may be true although SIPp counted the call fine
# (SIPp sends an ACK once and cannot know it was dropped).
udp_drops() { awk '$1 == "Udp:" && $2 ~ /^[0-9]+$/ {print $6; exit}' /proc/net/snmp 2>/dev/null || echo 0; }

# climb TAG TARGET [error-log] [pid]: the highest rate with 0 failed calls over STEP_SECONDS (and,
# with KEEP_UP=F, at least F times the rate completed per second of SIPp's run), in
# BEST; with a pid, the process's CPU time per call at each passing rate goes to $OUT/TAG.cpu
# ("rate ms_per_call"); failure lines the error log gained during passing steps add up in
# PASSING_ERRORS.
# warm_up TARGET TAG: every target first gets the same uncounted warm-up (a JVM's JIT, Kamailio's caches)
warm_up() {
    [ "${WARMUP_CALLS:-2000}" -gt 0 ] && sipp_uac "$1" "${WARMUP_RATE:-200}" "${WARMUP_CALLS:-2000}" "$2-warmup"
    sleep 1
}
# climb_to TARGET TAG RATE: the warm-up and every step of RATES below RATE, uncounted, so a
# daemon meets RATE as it did in the climb that found it (a JVM still in its first minute of C2
# fails calls at a rate it carries once warm).
climb_to() {
    local rate
    warm_up "$1" "$2"
    for rate in $RATES; do
        [ "$rate" -lt "$3" ] || continue
        sipp_uac "$1" "$rate" $((rate * STEP_SECONDS)) "$2-to-$rate"
        say "  on the way, $rate/s: ok=$(sipp_count "$2-to-$rate" 'Successful call') failed=$(sipp_count "$2-to-$rate" 'Failed call')"
    done
    sleep 1
}
climb() {
    local tag=$1 target=$2 errlog=${3:-} pid=${4:-} rate rc ok failed errors before after t0 t1 cpu drops
    BEST=0; PASSING_ERRORS=0; : > "$OUT/$tag.cpu"
    warm_up "$target" "$tag"
    for rate in $RATES; do
        before=$(errors_in "$errlog"); drops=$(udp_drops)
        [ -n "$pid" ] && t0=$(tree_ticks "$pid")
        sipp_uac "$target" "$rate" $((rate * STEP_SECONDS)) "$tag-$rate"
        rc=$?
        [ -n "$pid" ] && t1=$(tree_ticks "$pid")
        ok=$(sipp_count "$tag-$rate" "Successful call"); failed=$(sipp_count "$tag-$rate" "Failed call")
        # The calls SIPp completed per second of its run: a target that falls behind makes SIPp
        # stretch a 10 s step (it holds back new calls at -l and retransmits), and 0 failed calls
        # then hides that it never kept the rate.
        achieved=$(awk -F';' 'END { split($5, t, ":"); s = t[1] * 3600 + t[2] * 60 + t[3]; if (s > 0) printf "%d", n / s }' n="${ok:-0}" "$OUT/$tag-$rate.csv" 2>/dev/null)
        kept=1
        [ -n "${KEEP_UP:-}" ] && [ -n "$achieved" ] && kept=$(awk -v a="$achieved" -v r="$rate" -v k="$KEEP_UP" 'BEGIN { print (a >= r * k) ? 1 : 0 }')
        cpu=""
        [ -n "$pid" ] && [ "${ok:-0}" -gt 0 ] && cpu=$(per_call $((t1 - t0)) "$ok")
        # a server-side failure (e.g. an ACK that never came) shows after the server's operation timeout
        [ -n "$errlog" ] && sleep $(( ${SERVER_TIMEOUT:-3} + 1 )) || sleep 1
        after=$(errors_in "$errlog")
        errors=$((after - before)); drops=$(( $(udp_drops) - drops ))
        say "  $tag rate=$rate/s calls=$((rate * STEP_SECONDS)) ok=${ok:-?} failed=${failed:-?} sipp_rc=$rc${achieved:+ achieved=$achieved/s}${errlog:+ server_errors=$errors}${cpu:+ cpu_ms_per_call=$cpu} udp_rcvbuf_drops=$drops ($(drops_by "$tag-$rate")) load=$(cut -d' ' -f1 /proc/loadavg)"
        if [ "$rc" = 0 ] && [ "${failed:-1}" = 0 ] && [ "$kept" = 1 ]; then
            BEST=$rate
            PASSING_ERRORS=$((PASSING_ERRORS + errors))
            [ -n "$cpu" ] && echo "$rate $cpu" >> "$OUT/$tag.cpu"
        elif [ "${KEEP_CLIMBING:-0}" != 1 ]; then
            break
        fi
    done
    say "RESULT $tag highest_rate_with_0_failures=$BEST/s (steps of ${STEP_SECONDS}s)"
}

# cpu_at TAG RATE: CPU ms per call that climb measured at RATE
cpu_at() { awk -v r="$2" '$1 == r {print $2}' "$OUT/$1.cpu"; }

# The callee behind a proxy (bench 4) answers 200 without a 180 first: a proxy with several
# workers (Kamailio) may relay the two in either order, and SIPp's caller, taking a late 180 for
# its optional 180, then waits for a 200 that already came (a few "unfinished" calls per run).
PROXIED_UAS=$OUT/load-uas-no180.xml
awk '!done && /<send>/ {skip = 1} skip {if (/<\/send>/) {skip = 0; done = 1}; next} {print}' bench/sipp/load-uas.xml > "$PROXIED_UAS"
# sipp_uas PORT TAG [scenario] -> pid in UAS_PID
sipp_uas() {
    (cd "$OUT" && exec sipp -sf "${3:-$ROOT/bench/sipp/load-uas.xml}" -i 127.0.0.1 -p "$1" -nostdin ${SIPP_BUFF:+-buff_size "$SIPP_BUFF"} \
        -timeout 3600s -trace_err -error_file "$OUT/$2.errors" > "$OUT/$2.out" 2>&1) &
    UAS_PID=$!; PIDS+=("$UAS_PID")
    sleep 0.5
}

# register_uas REGISTRAR_PORT UAS_PORT USER
register_uas() {
    (cd "$OUT" && sipp -sf "$ROOT/bench/sipp/load-register.xml" -key domain example.com -key contact_port "$2" -s "$3" \
        "127.0.0.1:$1" -i 127.0.0.1 -p "$(free_port)" -m 1 -timeout 10s -nostdin > "$OUT/register-$3.out" 2>&1) \
        || echo "registering the SIPp UAS failed"
}


# --- 1: cold start ------------------------------------------------------------------------------
# Every command takes its turn in each round (bench/coldstart.py), so a busy machine weighs on ours
# and the reference alike. Fair flags: both get the window launcher's options (WOPTS) and the JDK's own CDS
# archive, as a plain app would; "AppCDS" adds an archive of the classes each one's start loads,
# made here by a training run the way pom.xml's dist profile makes the launcher's.
coldstart_line() { # NAME from coldstart.py's output -> "min median max cpu edt"
    awk -v n="$1" '$1 == n {print $2, $3, $4, $5, $6}' "$OUT/coldstart.txt"
}
if [[ " $SELECTED " == *" 1 "* ]]; then
    COLD_RUNS=${COLD_RUNS:-5}
    export COLDSTART_FAILURES=$OUT/coldstart-failures.log # a run that never printed its line: its output
    say ""; say "## 1. Cold start: launch to first line, $COLD_RUNS runs each taking turns (ms: min median max, then median CPU of the process and of its event thread, NA without a window); load $(load)"
    python3 bench/coldstart.py "$COLD_RUNS" \
        hello '^hello' -- java "${JOPTS[@]}" -cp "$ROOT/target/test-classes" io.github.ucmaworkbench.bench.Hello --- \
        version 'UCMA Workbench' -- "${WB[@]}" --version --- \
        registrar 'Registrar listening' -- "${WB[@]}" registrar --port "$(free_port)" > "$OUT/coldstart.txt"
    say "  bare JVM hello:            $(coldstart_line hello)"
    say "  ucma-workbench --version:  $(coldstart_line version)"
    say "  registrar listening:       $(coldstart_line registrar)"
    if command -v Xvfb >/dev/null; then
        Xvfb :93 -screen 0 1280x1024x24 -ardelay 10000 -nolisten tcp >/dev/null 2>&1 & XPID=$!; PIDS+=("$XPID"); sleep 1
        # The reference: FlatLaf and MigLayout on the class path, nothing else.
        BARE_CP=$ROOT/target/test-classes:$(tr ':' '\n' < "$OUT/cp.txt" | grep -E '/(flatlaf|miglayout)[^/]*\.jar$' | paste -sd:)
        BARE=(java "${WOPTS[@]}" -cp "$BARE_CP" io.github.ucmaworkbench.bench.BareWindow)
        # Its archived twin runs from a jar: -Xshare:dump refuses a class path with a non-empty
        # directory (test-classes), so the row was NA until round 8.
        BARE_JAR=$OUT/bare-window.jar
        (cd "$ROOT/target/test-classes" && jar cf "$BARE_JAR" io/github/ucmaworkbench/bench/BareWindow*.class)
        BARE_CDS_CP=$BARE_JAR:${BARE_CP#*:}
        # One config folder for every run of ours: the first (training) run makes its certificate,
        # as a teacher's first start does; the measured runs are the starts after it.
        CFG=$(mktemp -d); CDS=$OUT/cds; mkdir -p "$CDS"
        OURS=(-Ducma.startup.mark=true -jar "$JAR" --config-dir "$CFG" --registrar-port 0)
        DISPLAY=:93 java "${WOPTS[@]}" -Xshare:off -XX:DumpLoadedClassList="$CDS/ours.classlist" \
            -Ducma.startup.mark=exit -jar "$JAR" --config-dir "$CFG" --registrar-port 0 > "$CDS/ours-training.log" 2>&1
        java -Xshare:dump -XX:SharedClassListFile="$CDS/ours.classlist" -XX:SharedArchiveFile="$CDS/ours.jsa" -cp "$JAR" > "$CDS/ours-dump.log" 2>&1
        DISPLAY=:93 python3 bench/coldstart.py 1 bare 'window shown' -- java "${WOPTS[@]}" -Xshare:off \
            -XX:DumpLoadedClassList="$CDS/bare.classlist" -cp "$BARE_CDS_CP" io.github.ucmaworkbench.bench.BareWindow > /dev/null
        java -Xshare:dump -XX:SharedClassListFile="$CDS/bare.classlist" -XX:SharedArchiveFile="$CDS/bare.jsa" -cp "$BARE_CDS_CP" > "$CDS/bare-dump.log" 2>&1
        # What the menu entry starts: the window launcher's start script (the launcher's .cfg, without
        # its rpm/dpkg query); jpackage's ELF launcher itself as a row of its own, for comparison.
        # Images made before the scripts: the ELF launcher is the "launcher" row; before the window's
        # own launcher, the one launcher.
        IMAGE_BIN=$ROOT/target/dist/ucma-workbench/bin
        LAUNCHER=$IMAGE_BIN/ucma-workbench-window.sh
        ELF_LAUNCHER=$IMAGE_BIN/ucma-workbench-window
        [ -x "$LAUNCHER" ] || { LAUNCHER=$ELF_LAUNCHER; ELF_LAUNCHER=""; }
        [ -x "$LAUNCHER" ] || LAUNCHER=$IMAGE_BIN/ucma-workbench
        # Only a start that offers lessons counts: one that could not read them is a lighter window.
        READY='Workbench ready: .* [1-9][0-9]* lessons,'
        # The second row, from the same runs: the real frame first painted and the registrar listening.
        SHOWN='Workbench shown: '
        CASES=(bare 'window shown' -- "${BARE[@]}"
            --- ours "$READY" --also ours-shown "$SHOWN" -- java "${WOPTS[@]}" "${OURS[@]}"
            --- ours-appcds "$READY" --also ours-appcds-shown "$SHOWN" -- java "${WOPTS[@]}" -XX:SharedArchiveFile="$CDS/ours.jsa" "${OURS[@]}"
            --- bare-appcds 'window shown' -- java "${WOPTS[@]}" -XX:SharedArchiveFile="$CDS/bare.jsa" -cp "$BARE_CDS_CP" io.github.ucmaworkbench.bench.BareWindow)
        # The installed launcher too, when mvn -Pdist package has made it (its own runtime and archive).
        [ -x "$LAUNCHER" ] && CASES+=(--- launcher "$READY" --also launcher-shown "$SHOWN" -- env JAVA_TOOL_OPTIONS=-Ducma.startup.mark=true
            "$LAUNCHER" --config-dir "$CFG" --registrar-port 0)
        [ -n "$ELF_LAUNCHER" ] && [ -x "$ELF_LAUNCHER" ] && CASES+=(--- launcher-elf "$READY" --also launcher-elf-shown "$SHOWN"
            -- env JAVA_TOOL_OPTIONS=-Ducma.startup.mark=true "$ELF_LAUNCHER" --config-dir "$CFG" --registrar-port 0)
        # AOT_JAVA=.../bin/java (JDK 24+): the same jar on that JDK with its AOT cache (JEP 483/515),
        # made by one start that exits at the mark, beside the bare window on that JDK: a runtime to
        # weigh against JDK 17's AppCDS, not the figure (the stack is Java 17).
        if [ -n "${AOT_JAVA:-}" ]; then
            rm -f "$CDS/ours.aot" # a cache left by an earlier run would be measured if this training failed
            DISPLAY=:93 "$AOT_JAVA" "${WOPTS[@]}" -XX:AOTCacheOutput="$CDS/ours.aot" \
                -Ducma.startup.mark=exit -jar "$JAR" --config-dir "$CFG" --registrar-port 0 > "$CDS/ours-aot-training.log" 2>&1
            CASES+=(--- bare-aot-jdk 'window shown' -- "$AOT_JAVA" "${WOPTS[@]}" -cp "$BARE_CP" io.github.ucmaworkbench.bench.BareWindow)
            [ -f "$CDS/ours.aot" ] && CASES+=(--- ours-aot "$READY" -- "$AOT_JAVA" "${WOPTS[@]}" -XX:AOTCache="$CDS/ours.aot" "${OURS[@]}")
        fi
        DISPLAY=:93 python3 bench/coldstart.py "$COLD_RUNS" "${CASES[@]}" > "$OUT/coldstart.txt"
        say "  bare FlatLaf + MigLayout window, shown:             $(coldstart_line bare)"
        say "  ... with its own AppCDS archive (for comparison):   $(coldstart_line bare-appcds)"
        say "  workbench whole + registrar listening, java -jar:   $(coldstart_line ours)"
        say "  ... with the AppCDS archive (as the launcher):      $(coldstart_line ours-appcds)"
        [ -x "$LAUNCHER" ] && say "  ... the app image's launcher ($(basename "$LAUNCHER")): $(coldstart_line launcher)"
        [ -n "$ELF_LAUNCHER" ] && say "  ... jpackage's ELF launcher ($(basename "$ELF_LAUNCHER")): $(coldstart_line launcher-elf)"
        if [ -n "${AOT_JAVA:-}" ]; then
            say "  AOT_JAVA ($("$AOT_JAVA" -version 2>&1 | head -1)): bare window: $(coldstart_line bare-aot-jdk)"
            say "  ... workbench with its AOT cache: $(coldstart_line ours-aot)"
        fi
        say "  second row, same runs: the real frame first painted and the registrar listening (not the whole window):"
        say "  ... java -jar:                                     $(coldstart_line ours-shown)"
        say "  ... with the AppCDS archive:                       $(coldstart_line ours-appcds-shown)"
        [ -x "$LAUNCHER" ] && say "  ... the app image's launcher:                      $(coldstart_line launcher-shown)"
        [ -n "$ELF_LAUNCHER" ] && say "  ... jpackage's ELF launcher:                       $(coldstart_line launcher-elf-shown)"
        BARE_MS=$(coldstart_line bare | cut -d' ' -f2)
        for who in ours-appcds ours launcher; do
            OURS_MS=$(coldstart_line "$who" | cut -d' ' -f2)
            [ -z "$OURS_MS" ] && continue
            R=$(ratio "$OURS_MS" "$BARE_MS")
            figure "cold start ($who), median of $COLD_RUNS" "$OURS_MS ms" "bare window $BARE_MS ms" "$R" "<= 1.3" "$(at_most "$R" 1.3)"
        done
        for who in ours-appcds-shown launcher-shown; do
            OURS_MS=$(coldstart_line "$who" | cut -d' ' -f2)
            [ -z "$OURS_MS" ] && continue
            R=$(ratio "$OURS_MS" "$BARE_MS")
            figure "second row: frame painted and registrar listening ($who), median of $COLD_RUNS" "$OURS_MS ms" "bare window $BARE_MS ms" "$R" "<= 1.3" "$(at_most "$R" 1.3)"
        done
        rm -rf "$CFG"
        stop "$XPID"
    else
        say "  windows: Xvfb missing, not measured"
    fi
fi

# --- 2: lesson-6 flow ---------------------------------------------------------------------------
if [[ " $SELECTED " == *" 2 "* ]]; then
    say ""; say "## 2. Lesson-6 flow, warm (2 sign-ins, INVITE/200/ACK, BYE, 2 sign-outs); load $(cut -d" " -f1-3 /proc/loadavg)"
    # Warm = the JIT done with the flow's code: after 30 flows C2 still compiled through the 200
    # measured ones (each FLOW line says how long: jit_ms_during); it settles after ~2,000. The
    # fresh variant (endpoints made per flow, ten times the cost) runs after the reused one.
    for transport in tcp udp; do
        java "${JOPTS[@]}" -Dflow.variants=reuse,fresh -Dflow.freshWarmup=30 -cp "$TEST_CP" \
            io.github.ucmaworkbench.bench.FlowBench "$transport" "${FLOW_WARMUP:-2000}" 200 2>/dev/null \
            | grep '^FLOW' | sed 's/^/  /' | tee -a "$OUT/figures.txt"
    done
    REG=$(free_port); start_registrar "$REG" "$OUT/flow-registrar.log"
    UAS=$(free_port); sipp_uas "$UAS" flow-uas; register_uas "$REG" "$UAS" server
    (cd "$OUT" && rm -f flow_*_rtt.csv && timeout 120 sipp -sf "$ROOT/bench/sipp/flow.xml" -key domain example.com -s server \
        "127.0.0.1:$REG" -i 127.0.0.1 -p "$(free_port)" -r 10 -m 230 -l 10 -timeout 90s -nostdin \
        -trace_rtt -rtt_freq 1 > "$OUT/flow-sipp.out" 2>&1)
    say "  SIPp flow (1 sign-in, call, sign-out; SIPp UAS; our registrar, UDP): $(python3 bench/rtt.py "$(ls "$OUT"/flow_*_rtt.csv | head -1)" 30)"
    stop "$UAS_PID"; stop "$REG_PID"
fi

# --- 3: our server under load -------------------------------------------------------------------
# start_bare LOG -> pid in BARE_PID, port in BARE_PORT (JOPTS, the same JVM options as our server)
start_bare() {
    : > "$1"
    java "${JOPTS[@]}" -cp "$TEST_CP" io.github.ucmaworkbench.bench.BareUas "$(free_port)" > "$1" 2>&1 &
    BARE_PID=$!; PIDS+=("$BARE_PID")
    wait_for "$1" 'BareUas listening' 30 >/dev/null || { echo "bare UAS did not start"; cat "$1"; exit 1; }
    BARE_PORT=$(grep -m1 -oE 'listening on 127\.0\.0\.1:[0-9]+' "$1" | sed 's/.*://')
}
# median / spread of numbers on stdin
median() { sort -n | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
spread() { sort -n | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else printf "%s-%s", v[1], v[NR]}'; }
# cpu_turns RATE: CPU per call from fresh processes, ours and the bare UAS taking turns CPU_ROUNDS
# times (A B A B ...), each with climb's warm-up and the same JVM options, then one counted step
# of STEP_SECONDS at RATE. One climb gives one reading per rate, and the bare UAS's alone swung
# 0.37-0.62 ms between runs; the medians of turns taken side by side do not favour either.
# Turns with failed calls are printed but not counted. -> OURS_CPU BARE_CPU CPU_RATIO, *_SPREAD;
# our failure lines in turns SIPp counted clean add to OURS_ERRORS.
# Then, in the same processes, SETTLE_CALLS more calls at half the RATE (uncounted, default 20,000)
# and a second counted step at RATE: the cost per call once the JIT is done with the call's code.
# A fresh JVM's first step carries its C2 compiles (ours compiles more code than the bare UAS: 0.33 vs 0.20 ms
# of C2 per call in that step, 2026-12-04), which a server pays once, not per call.
# -> SETTLED_OURS SETTLED_BARE SETTLED_RATIO, SETTLED_*_SPREAD, SETTLED_AFTER (SETTLE_CALLS=0: not measured).
# counted_step PID TARGET RATE TAG: one step of STEP_SECONDS at RATE -> ok, failed, cpu (ms per call)
counted_step() {
    local t0 t1
    t0=$(cpu_ticks "$1")
    sipp_uac "$2" "$3" $(($3 * STEP_SECONDS)) "$4"
    t1=$(cpu_ticks "$1")
    ok=$(sipp_count "$4" "Successful call"); failed=$(sipp_count "$4" "Failed call")
    cpu=$(per_call $((t1 - t0)) "${ok:-0}")
}
cpu_turns() {
    local rate=$1 round who tag pid target cpu ok failed before errors
    : > "$OUT/turns-ours.cpu"; : > "$OUT/turns-bare.cpu"; : > "$OUT/settled-ours.cpu"; : > "$OUT/settled-bare.cpu"
    for round in $(seq 1 "${CPU_ROUNDS:-3}"); do
        for who in ours bare; do
            tag=turn-$who-$round
            if [ "$who" = ours ]; then
                start_server "$REG" "$OUT/$tag.log"; pid=$SRV_PID; target=127.0.0.1:$SRV_PORT
            else
                start_bare "$OUT/$tag.log"; pid=$BARE_PID; target=127.0.0.1:$BARE_PORT
            fi
            warm_up "$target" "$tag"
            before=$(errors_in "$OUT/$tag.log.err")
            counted_step "$pid" "$target" "$rate" "$tag"
            errors=""
            if [ "$who" = ours ]; then
                sleep $(( ${SERVER_TIMEOUT:-3} + 1 ))
                errors=$(( $(errors_in "$OUT/$tag.log.err") - before ))
                [ "${failed:-1}" = 0 ] && OURS_ERRORS=$((OURS_ERRORS + errors))
            fi
            say "  turn $round $who rate=$rate/s ok=${ok:-?} failed=${failed:-?} cpu_ms_per_call=$cpu${errors:+ server_errors=$errors} load=$(cut -d' ' -f1 /proc/loadavg)"
            [ "${failed:-1}" = 0 ] && [ "$cpu" != - ] && echo "$cpu" >> "$OUT/turns-$who.cpu"
            if [ "${SETTLE_CALLS:-20000}" -gt 0 ]; then
                # At half the rate: 45 s at 1,250/s broke the bare UAS (its RI keeps finished
                # transactions' state; 22-29 % of the next step's calls failed). At most 40 s of
                # calls: sipp_uac gives up on a run at 2 steps + 30 s.
                SETTLED_AFTER=$(( ${SETTLE_CALLS:-20000} < rate * 20 ? ${SETTLE_CALLS:-20000} : rate * 20 ))
                sipp_uac "$target" $((rate / 2)) "$SETTLED_AFTER" "$tag-settle"
                counted_step "$pid" "$target" "$rate" "$tag-settled"
                say "  turn $round $who settled (after $SETTLED_AFTER more) ok=${ok:-?} failed=${failed:-?} cpu_ms_per_call=$cpu load=$(cut -d' ' -f1 /proc/loadavg)"
                [ "${failed:-1}" = 0 ] && [ "$cpu" != - ] && echo "$cpu" >> "$OUT/settled-$who.cpu"
            fi
            stop "$pid"
        done
    done
    OURS_CPU=$(median < "$OUT/turns-ours.cpu"); BARE_CPU=$(median < "$OUT/turns-bare.cpu")
    OURS_SPREAD=$(spread < "$OUT/turns-ours.cpu"); BARE_SPREAD=$(spread < "$OUT/turns-bare.cpu")
    CPU_RATIO=$(ratio "$OURS_CPU" "$BARE_CPU"); [ "$OURS_CPU" = - ] && CPU_RATIO=-
    say "  interleaved CPU per call at $rate/s: ours median $OURS_CPU ms ($(tr '\n' ' ' < "$OUT/turns-ours.cpu")), bare UAS median $BARE_CPU ms ($(tr '\n' ' ' < "$OUT/turns-bare.cpu")), ratio $CPU_RATIO"
    SETTLED_OURS=$(median < "$OUT/settled-ours.cpu"); SETTLED_BARE=$(median < "$OUT/settled-bare.cpu")
    SETTLED_OURS_SPREAD=$(spread < "$OUT/settled-ours.cpu"); SETTLED_BARE_SPREAD=$(spread < "$OUT/settled-bare.cpu")
    SETTLED_RATIO=$(ratio "$SETTLED_OURS" "$SETTLED_BARE"); [ "$SETTLED_OURS" = - ] && SETTLED_RATIO=-
}
if [[ " $SELECTED " == *" 3 "* ]]; then
    say ""; say "## 3. Calls accepted per second, SIPp UAC -> (direct | via our registrar) -> UAS, UDP, INVITE/200/ACK/BYE/200; load $(load)"
    REG=$(free_port); start_registrar "$REG" "$OUT/load-registrar.log"
    JFR_OPTS=()
    [ "${JFR:-0}" = 1 ] && JFR_OPTS=(-XX:StartFlightRecording=filename="$OUT/server.jfr",settings=profile,dumponexit=true)
    start_server "$REG" "$OUT/load-server.log" "${JFR_OPTS[@]}"
    say "  our server listens on 127.0.0.1:$SRV_PORT"
    # A step passes only when the target kept the rate (SERVER_KEEP_UP of it, default 0.9): at
    # 1,500-2,000/s our server once "passed" steps that SIPp needed 19-27 s for.
    export KEEP_UP=${SERVER_KEEP_UP:-0.9}
    climb ours-direct "127.0.0.1:$SRV_PORT" "$OUT/load-server.log.err" "$SRV_PID"
    OURS_BEST=$BEST; OURS_ERRORS=$PASSING_ERRORS
    [ "${VIA_REGISTRAR:-1}" = 1 ] && climb ours-via-registrar "127.0.0.1:$REG" "$OUT/load-server.log.err"
    stop "$SRV_PID"
    [ "${JFR:-0}" = 1 ] && { say "  JFR of our server:"; python3 bench/hot.py "$OUT/server.jfr" 12 | sed 's/^/    /' | tee -a "$OUT/figures.txt"; }
    # The reference: a bare JAIN-SIP UAS on the same RI, tuned (bench BareUas), same JVM options.
    start_bare "$OUT/bare-uas.log"
    climb bare-uas-direct "127.0.0.1:$BARE_PORT" "" "$BARE_PID"
    BARE_BEST=$BEST
    stop "$BARE_PID"
    if [ "${SIPP_UAS:-1}" = 1 ]; then
        UAS=$(free_port); sipp_uas "$UAS" load-uas
        climb sipp-uas-direct "127.0.0.1:$UAS"
        stop "$UAS_PID"
    fi
    unset KEEP_UP
    r=$(ratio "$OURS_BEST" "$BARE_BEST")
    figure "server-rate" "$OURS_BEST/s" "bare JAIN-SIP UAS $BARE_BEST/s" "$r" ">= 1.0" "$(at_least "$r" 1.0)"
    # CPU per call compared at the highest rate both passed: the climbs' one reading each, then the
    # figure from fresh processes taking turns (cpu_turns)
    both=$(( OURS_BEST < BARE_BEST ? OURS_BEST : BARE_BEST ))
    oc=$(cpu_at ours-direct "$both"); bc=$(cpu_at bare-uas-direct "$both")
    say "  climbs' CPU per call at $both/s: ours ${oc:--} ms, bare UAS ${bc:--} ms (one reading each; ratio $(ratio "$oc" "$bc"))"
    if [ "$both" -gt 0 ] && [ "${CPU_ROUNDS:-3}" -gt 0 ]; then
        cpu_turns "$both"
        figure "server-cpu-per-call@$both/s, fresh JVMs' first counted step, median of ${CPU_ROUNDS:-3} interleaved" "$OURS_CPU ms ($OURS_SPREAD)" \
            "$BARE_CPU ms ($BARE_SPREAD)" "$CPU_RATIO" "<= 1.2" "$(at_most "$CPU_RATIO" 1.2)"
        [ "${SETTLE_CALLS:-20000}" -gt 0 ] && figure "server-cpu-per-call@$both/s, the same processes after ${SETTLED_AFTER:-0} more calls (for the JIT to settle)" \
            "$SETTLED_OURS ms ($SETTLED_OURS_SPREAD)" "$SETTLED_BARE ms ($SETTLED_BARE_SPREAD)" "$SETTLED_RATIO" "<= 1.2" "$(at_most "$SETTLED_RATIO" 1.2)"
    else
        r=$(ratio "$oc" "$bc")
        figure "server-cpu-per-call@$both/s" "${oc:--} ms" "${bc:--} ms" "$r" "<= 1.2" "$(at_most "$r" 1.2)"
    fi
    stop "$REG_PID"
    figure "server-failure-lines" "$OURS_ERRORS" "0 (SIPp: 0 failed at every counted step)" "-" "0" \
        "$([ "$OURS_ERRORS" = 0 ] && echo met || echo "not met")"
fi

# --- 4: proxy: ours vs Kamailio -----------------------------------------------------------------
# Kamailio as its users run it under load: 512 MB shared memory, two UDP workers per core (at least 4).
KAM_CHILDREN=${KAM_CHILDREN:-$(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))}
# Ours relays in-dialog requests over UDP statelessly (RFC 3261 §16.11), Kamailio's stock setup with
# tm: KAM_MODES="tm sl" climbs Kamailio both ways (sl: -A STATELESS_INDIALOG, forward() after
# loose_route) and the better rate is the reference.
KAM_MODES=${KAM_MODES-"tm sl"}
kam_mode_args() { [ "$1" = sl ] && echo "-A STATELESS_INDIALOG"; }
# cpu_at_common_rate TAG...: "RATE/s: TAG X ms, ..." from each climb's $OUT/TAG.cpu ("rate cpu"
# per passing step), at the highest rate every one of them passed; "none" without one.
cpu_at_common_rate() {
    local tag files=()
    for tag in "$@"; do files+=("$OUT/$tag.cpu"); done
    awk -v n=$# '{cpu[FILENAME, $1] = $2; passed[$1]++}
        END {best = 0; for (r in passed) if (passed[r] == n && r + 0 > best) best = r + 0
             if (!best) {print "none"; exit}
             line = best "/s:"
             for (i = 1; i < ARGC; i++) {tag = ARGV[i]; sub(/.*\//, "", tag); sub(/\.cpu$/, "", tag)
                                         line = line (i > 1 ? "," : "") " " tag " " cpu[ARGV[i], best] " ms"}
             print line}' "${files[@]}"
}
start_kamailio() { # PORT MODE -> KAM_PID
    mkdir -p "$OUT/kamailio"
    sed "s/KAM_PORT/$1/; s/KAM_CHILDREN/$KAM_CHILDREN/" bench/kamailio/kamailio.cfg > "$OUT/kamailio/kamailio.cfg"
    # shellcheck disable=SC2046 # the mode's arguments are words
    "$KAMAILIO" -f "$OUT/kamailio/kamailio.cfg" $(kam_mode_args "$2") -DD -E -m 512 -M 16 -P "$OUT/kamailio/kamailio.pid" \
        -Y "$OUT/kamailio" > "$OUT/kamailio/kamailio-$2.log" 2>&1 &
    KAM_PID=$!; PIDS+=("$KAM_PID"); sleep 2
}
if [[ " $SELECTED " == *" 4 "* ]]; then
    say ""; say "## 4. Proxying SIPp UAC -> registrar/proxy -> SIPp UAS (UDP, record-routed); load $(load)"
    [ -n "${BENCH_JAR:-}" ] && say "  ours: $BENCH_JAR (BENCH_JAR)"
    JFR_OPTS=()
    [ "${JFR:-0}" = 1 ] && JFR_OPTS=(-XX:StartFlightRecording=filename="$OUT/registrar.jfr",settings=profile,dumponexit=true)
    read -r -a REG_EXTRA <<< "${REG_OPTS:-}"
    REG=$(free_port); start_registrar "$REG" "$OUT/proxy-registrar.log" "${JFR_OPTS[@]}" "${REG_EXTRA[@]}"
    UAS=$(free_port); sipp_uas "$UAS" proxy-uas-ours "$PROXIED_UAS"; register_uas "$REG" "$UAS" server
    # As in bench 3, a step passes only when the proxy kept >= 90 % of the rate: our registrar
    # once "passed" 1,250/s with 1,041/s achieved.
    export KEEP_UP=${PROXY_KEEP_UP:-0.9}
    climb proxy-ours "127.0.0.1:$REG" "" "$REG_PID"
    PROXY_OURS=$BEST
    stop "$UAS_PID"; stop "$REG_PID"
    [ "${JFR:-0}" = 1 ] && { say "  JFR of our registrar:"; python3 bench/hot.py "$OUT/registrar.jfr" 12 | sed 's/^/    /' | tee -a "$OUT/figures.txt"; }
    PROXY_KAM=0; KAM_BEST_MODE=""; KAM_RATES=""
    for mode in $KAM_MODES; do
        KAM=$(free_port); start_kamailio "$KAM" "$mode"
        args=$(kam_mode_args "$mode")
        say "  kamailio ($mode): $KAMAILIO -f bench/kamailio/kamailio.cfg${args:+ $args} (children=$KAM_CHILDREN) -DD -E -m 512 -M 16"
        UAS=$(free_port); sipp_uas "$UAS" "proxy-uas-kamailio-$mode" "$PROXIED_UAS"; register_uas "$KAM" "$UAS" server
        climb "proxy-kamailio-$mode" "127.0.0.1:$KAM" "" "$KAM_PID"
        KAM_RATES="$KAM_RATES${KAM_RATES:+, }$mode $BEST/s"
        [ "$BEST" -gt "$PROXY_KAM" ] && { PROXY_KAM=$BEST; KAM_BEST_MODE=$mode; }
        stop "$UAS_PID"; stop "$KAM_PID"
    done
    say "  kamailio by mode: $KAM_RATES (the reference: ${KAM_BEST_MODE:-none})"
    # What each proxy's CPU cost per call at the highest rate all of them passed: whether a lower
    # top rate is the cost of a call or how a proxy copes once the machine is full.
    CPU_TAGS="proxy-ours"; for mode in $KAM_MODES; do CPU_TAGS="$CPU_TAGS proxy-kamailio-$mode"; done
    # shellcheck disable=SC2086 # the tags are words
    say "  CPU per call at the highest rate all passed: $(cpu_at_common_rate $CPU_TAGS)"
    r=$(ratio "$PROXY_OURS" "$PROXY_KAM")
    unset KEEP_UP
    figure "registrar-proxy-rate" "$PROXY_OURS/s" "Kamailio -m 512, $KAM_CHILDREN children ($KAM_RATES): $PROXY_KAM/s" "$r" ">= 1.0" "$(at_least "$r" 1.0)"
fi

# --- 5: memory ----------------------------------------------------------------------------------
# RSS of the server (SIPp calling it directly) and of the registrar (proxying SIPp -> SIPp) after
# CALLS calls at their highest passing rate (bench 3 / 4 of this run, else SERVER_RATE /
# PROXY_RATE), right after the calls and once the transactions' timers have run (Timer J, 32 s
# over UDP, RFC 3261 17.2.2) and the JVM's periodic collection could give memory back; and of the
# window after a classroom (STUDENTS students sign in to its registrar, call its server, hang up
# and sign out). MEM="window" (or "server registrar") runs only those parts; NMT=1 also starts the
# window with native memory tracking and prints where its committed memory is.
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
# RSS split: anonymous (heap, metaspace, stacks, malloc), file-backed (libjvm, libawt, fonts, the
# CDS archive: shared with other processes, given back under memory pressure), shared memory (X)
rss_split() { awk '/RssAnon/ {a=$2} /RssFile/ {f=$2} /RssShmem/ {s=$2} END {printf "anon %s + file %s + shmem %s", a, f, s}' "/proc/$1/status"; }
heap_used_kb() { jcmd "$1" GC.run >/dev/null 2>&1; sleep 1; jcmd "$1" GC.heap_info 2>/dev/null | awk '/ heap / || /garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); gsub(/[^0-9]/,"",v); print v; exit}}'; }
heap_committed_kb() { jcmd "$1" GC.heap_info 2>/dev/null | awk '/ heap / || /garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="total") {v=$(i+1); gsub(/[^0-9]/,"",v); print v; exit}}'; }
threads() { ls "/proc/$1/task" 2>/dev/null | wc -l; }
live() { jcmd "$1" GC.class_histogram 2>/dev/null | awk -v pat="$2" '$4 ~ pat {n += $2} END {print n + 0}'; }
# The live counts come from a class histogram, which is itself a full GC: only on the lines that
# collect anyway, so "45 s later" shows what the JVM gave back on its own.
mem_line() { # WHEN NAME PID [gc]: one line; heap used and live SIP objects only with gc (they collect)
    local rss heap="" counts=""
    [ "${4:-}" = gc ] && heap=" heap_used_kb=$(heap_used_kb "$3")" # collects first: RSS after it
    rss="$(rss_kb "$3") ($(rss_split "$3"))"
    [ "${4:-}" = gc ] && counts=" server_tx=$(live "$3" 'SIPServerTransactionImpl$') dialogs=$(live "$3" 'SIPDialog$')"
    say "  $1 $2: rss_kb=$rss$heap heap_committed_kb=$(heap_committed_kb "$3") threads=$(threads "$3")$counts"
}
# Where a JVM's committed memory is, without NMT: heap, metaspace + class space, code cache (kB).
jvm_parts() {
    local info cache
    info=$(jcmd "$1" GC.heap_info 2>/dev/null)
    cache=$(jcmd "$1" Compiler.codecache 2>/dev/null | awk '/^CodeCache|^CodeHeap/ {for (i=1;i<=NF;i++) if ($i ~ /^used=/) {v=$i; gsub(/[^0-9]/,"",v); n+=v}} END {print n+0}')
    printf '%s' "$info" | awk -v cache="$cache" '
        / heap / || /garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="total") {v=$(i+1); gsub(/[^0-9]/,"",v); heap=v}}
        /Metaspace/ {for (i=1;i<=NF;i++) if ($i=="committed") {v=$(i+1); gsub(/[^0-9]/,"",v); meta=v}}
        /class space/ {for (i=1;i<=NF;i++) if ($i=="committed") {v=$(i+1); gsub(/[^0-9]/,"",v); cls=v}}
        END {printf "heap_committed_kb=%s metaspace_committed_kb=%s (class space %s) code_cache_used_kb=%s", heap, meta, cls, cache}'
}
figure_rss() { # NAME RSS_KB WHAT [FAILED_CALLS]
    local mib r
    [ -z "$2" ] && { figure "rss-$1-$3" "not measured" "200 MiB limit" "-" "<= 1.0" "not met"; return; }
    mib=$(awk -v k="$2" 'BEGIN { printf "%.0f", k / 1024 }')
    r=$(ratio "$mib" 200)
    # Memory after calls that failed is not memory after the calls the target names.
    if [ "${4:-0}" != 0 ]; then
        figure "rss-$1-$3" "$mib MiB (${SETTLE} s after), but SIPp counted $4 failed calls" "200 MiB limit" "$r" "<= 1.0" "not counted"
        return
    fi
    figure "rss-$1-$3" "$mib MiB (${SETTLE} s after)" "200 MiB limit" "$r" "<= 1.0" "$(at_most "$r" 1.0)"
}

MEM=${MEM:-"server registrar window"}
if [[ " $SELECTED " == *" 5 "* && " $MEM " == *" server "* ]]; then
    CALLS=${CALLS:-10000}; SETTLE=${SETTLE:-45}
    SERVER_RATE=${SERVER_RATE:-${OURS_BEST:-1000}}; PROXY_RATE=${PROXY_RATE:-${PROXY_OURS:-500}}
    [ "$SERVER_RATE" = 0 ] && SERVER_RATE=250; [ "$PROXY_RATE" = 0 ] && PROXY_RATE=250
    say ""; say "## 5. Memory after $CALLS calls (JVM options: ${JOPTS[*]}); load $(load)"
    REG=$(free_port); start_registrar "$REG" "$OUT/mem-registrar.log"
    start_server "$REG" "$OUT/mem-server.log"
    sleep 2
    # The rates come from bench 3 / 4, found after the climb's warm-up and its lower steps: the
    # same here, so a JVM whose JIT has not run yet is not met with its highest rate at once.
    climb_to "127.0.0.1:$SRV_PORT" mem-server "$SERVER_RATE"
    mem_line "before the calls" server "$SRV_PID" gc
    DROPS=$(udp_drops)
    STEP_SECONDS=$((CALLS / SERVER_RATE)) sipp_uac "127.0.0.1:$SRV_PORT" "$SERVER_RATE" "$CALLS" mem-server-calls
    DROPS=$(( $(udp_drops) - DROPS ))
    say "  server, SIPp direct at $SERVER_RATE/s: ok=$(sipp_count mem-server-calls 'Successful call') failed=$(sipp_count mem-server-calls 'Failed call') server_errors=$(errors_in "$OUT/mem-server.log.err") udp_rcvbuf_drops=$DROPS ($(drops_by mem-server-calls))"
    mem_line "right after " server "$SRV_PID"
    sleep "$SETTLE"
    mem_line "${SETTLE} s later " server "$SRV_PID"
    SRV_RSS=$(rss_kb "$SRV_PID")
    mem_line "(then a full GC)" server "$SRV_PID" gc
    stop "$SRV_PID"; stop "$REG_PID"
    figure_rss server "$SRV_RSS" "after-$CALLS-calls" "$(sipp_count mem-server-calls 'Failed call')"
fi
if [[ " $SELECTED " == *" 5 "* && " $MEM " == *" registrar "* ]]; then
    CALLS=${CALLS:-10000}; SETTLE=${SETTLE:-45}
    PROXY_RATE=${PROXY_RATE:-${PROXY_OURS:-500}}; [ "$PROXY_RATE" = 0 ] && PROXY_RATE=250
    say ""; say "## 5. Memory of the registrar after $CALLS calls (JVM options: ${JOPTS[*]}); load $(load)"
    REG=$(free_port); start_registrar "$REG" "$OUT/mem-proxy.log"
    UAS=$(free_port); sipp_uas "$UAS" mem-proxy-uas "$PROXIED_UAS"; register_uas "$REG" "$UAS" server
    sleep 2
    climb_to "127.0.0.1:$REG" mem-proxy "$PROXY_RATE"
    mem_line "before the calls" registrar "$REG_PID" gc
    DROPS=$(udp_drops)
    STEP_SECONDS=$((CALLS / PROXY_RATE)) sipp_uac "127.0.0.1:$REG" "$PROXY_RATE" "$CALLS" mem-proxy-calls
    DROPS=$(( $(udp_drops) - DROPS ))
    say "  registrar proxying SIPp -> SIPp at $PROXY_RATE/s: ok=$(sipp_count mem-proxy-calls 'Successful call') failed=$(sipp_count mem-proxy-calls 'Failed call') udp_rcvbuf_drops=$DROPS ($(drops_by mem-proxy-calls))"
    mem_line "right after " registrar "$REG_PID"
    sleep "$SETTLE"
    mem_line "${SETTLE} s later " registrar "$REG_PID"
    REG_RSS=$(rss_kb "$REG_PID")
    mem_line "(then a full GC)" registrar "$REG_PID" gc
    stop "$UAS_PID"; stop "$REG_PID"
    figure_rss registrar "$REG_RSS" "after-$CALLS-calls" "$(sipp_count mem-proxy-calls 'Failed call')"
fi
if [[ " $SELECTED " == *" 5 "* && " $MEM " == *" window "* ]]; then
    STUDENTS=${STUDENTS:-50}; SETTLE=${SETTLE:-45}
    say ""; say "## 5. Memory of the window after a $STUDENTS-student classroom (JVM options: ${WOPTS[*]}${NMT:+, NMT}); load $(load)"
    if command -v Xvfb >/dev/null; then
        # A display number no other session's Xvfb has (-displayfd: Xvfb picks and writes it).
        Xvfb -displayfd 9 -screen 0 1280x1024x24 -ardelay 10000 -nolisten tcp 9>"$OUT/mem-window.display" >/dev/null 2>&1 & XPID=$!; PIDS+=("$XPID")
        for _ in $(seq 50); do [ -s "$OUT/mem-window.display" ] && break; sleep 0.1; done
        WDISPLAY=:$(head -1 "$OUT/mem-window.display")
        # The real window (Main, the jar alone on the class path as java -jar has it) plus the
        # teacher's two clicks, server Sign in and Listen (bench ClassroomWindow, copied out of
        # the test classes so that no test resource such as logback-test.xml comes along).
        DRIVER=$OUT/classroom-driver; rm -rf "$DRIVER"; mkdir -p "$DRIVER/io/github/ucmaworkbench/bench"
        cp "$ROOT"/target/test-classes/io/github/ucmaworkbench/bench/ClassroomWindow*.class "$DRIVER/io/github/ucmaworkbench/bench/"
        # and what it uses from the test sources (a missing class made the window "not get ready")
        mkdir -p "$DRIVER/io/github/ucmaworkbench/testing"
        cp "$ROOT"/target/test-classes/io/github/ucmaworkbench/testing/ComponentTree*.class "$DRIVER/io/github/ucmaworkbench/testing/"
        CFG=$(mktemp -d); WREG=$(free_port)
        NMT_OPTS=(); [ "${NMT:-0}" = 1 ] && NMT_OPTS=(-XX:NativeMemoryTracking=summary)
        : > "$OUT/mem-window.log"
        DISPLAY=$WDISPLAY java "${WOPTS[@]}" "${NMT_OPTS[@]}" -cp "$JAR:$DRIVER" io.github.ucmaworkbench.bench.ClassroomWindow \
            --config-dir "$CFG" --registrar-port "$WREG" > "$OUT/mem-window.log" 2>&1 &
        WIN_PID=$!; PIDS+=("$WIN_PID")
        if wait_for "$OUT/mem-window.log" '^CLASSROOM ready' 240 >/dev/null; then
            sleep 5 # homework tabs, first paints, the lesson column's timers
            mem_line "after start " window "$WIN_PID" gc
            say "    $(jvm_parts "$WIN_PID")"
            # Each student: REGISTER, INVITE to the window's server (sip:server@example.com,
            # accept-all by default) through its registrar, 200, ACK, BYE, 200, REGISTER expires=0;
            # the whole class at once (bench/sipp/flow.xml, one user per SIPp call: sipp1..sippN).
            (cd "$OUT" && timeout 180 sipp -sf "$ROOT/bench/sipp/flow.xml" -key domain example.com -s server \
                "127.0.0.1:$WREG" -i 127.0.0.1 -p "$(free_port)" -r "$STUDENTS" -m "$STUDENTS" -l "$STUDENTS" \
                -timeout 120s -nostdin -trace_err -error_file "$OUT/mem-classroom.errors" > "$OUT/mem-classroom.out" 2>&1)
            rc=$?
            say "  classroom: $STUDENTS students via SIPp, sipp_rc=$rc ok=$(sipp_count mem-classroom 'Successful call') failed=$(sipp_count mem-classroom 'Failed call')"
            mem_line "right after " window "$WIN_PID"
            sleep "$SETTLE"
            mem_line "${SETTLE} s later " window "$WIN_PID"
            WIN_RSS=$(rss_kb "$WIN_PID" 2>/dev/null)
            [ -z "$WIN_RSS" ] && { wait "$WIN_PID"; say "  the window exited (code $?) before it was measured: $(tail -2 "$OUT/mem-window.log" | tr '\n' ' ')"; }
            say "    $(jvm_parts "$WIN_PID")"
            mem_line "(then a full GC)" window "$WIN_PID" gc
            if [ "${NMT:-0}" = 1 ]; then
                jcmd "$WIN_PID" VM.native_memory summary > "$OUT/mem-window-nmt.txt" 2>&1
                say "  NMT, committed kB by part (all of it: $OUT/mem-window-nmt.txt):"
                awk '/^-/ {name=$2; for (i=3;i<=NF && $i !~ /\(reserved/;i++) name=name" "$i} /committed=/ && name != "" {
                        match($0, /committed=[0-9]+KB/); v=substr($0, RSTART+10, RLENGTH-12); if (v+0 >= 1024) printf "    %-28s %s\n", name, v; name=""}
                        /^Total/ {match($0, /committed=[0-9]+KB/); printf "    %-28s %s\n", "Total", substr($0, RSTART+10, RLENGTH-12)}' \
                    "$OUT/mem-window-nmt.txt" | tee -a "$OUT/figures.txt"
            fi
            figure_rss window "$WIN_RSS" "after-a-$STUDENTS-student-classroom"
        else
            say "  the window did not get ready: $(tail -3 "$OUT/mem-window.log" | tr '\n' ' ')"
        fi
        stop "$WIN_PID"; stop "$XPID"; rm -rf "$CFG"
    else
        say "  the window: Xvfb missing, not measured"
    fi
fi

# --- 6: the event thread during startup and a burst --------------------------------------------
if [[ " $SELECTED " == *" 6 "* ]]; then
    # The window in this JVM with the launcher's heap (README, pom's dist.javaOptions); an
    # EdtWatchdog times every event-thread dispatch. Target (issue 14): none over 100 ms.
    EDT_JAVA_OPTS=${EDT_JAVA_OPTS:-"${WOPTS[*]}"}
    say ""; say "## 6. Event thread: longest dispatch at startup and while ${EDT_CALLS:-2000} calls at ${EDT_RATE:-400}/s arrive (+ log clicks); load $(cut -d' ' -f1-3 /proc/loadavg)"
    if command -v Xvfb >/dev/null; then
        Xvfb :94 -screen 0 1280x1024x24 -ardelay 10000 -nolisten tcp >/dev/null 2>&1 & XPID=$!; PIDS+=("$XPID"); sleep 1
        # shellcheck disable=SC2086 # EDT_JAVA_OPTS is a list of options
        DISPLAY=:94 timeout 600 java $EDT_JAVA_OPTS -Dbench.root="$ROOT" -Dcalls="${EDT_CALLS:-2000}" -Drate="${EDT_RATE:-400}" \
            -cp "$TEST_CP" io.github.ucmaworkbench.bench.EdtStallBenchmark > "$OUT/edt.out" 2>&1
        grep -E '^(EDT|      )' "$OUT/edt.out" | grep -v '^EDT BURST' | sed 's/^EDT /  /' | tee -a "$OUT/figures.txt"
        BURST_MS=$(sed -n 's/^EDT BURST longest \([0-9.]*\) ms.*/\1/p' "$OUT/edt.out")
        figure "longest event-thread stall, burst + log clicks" "${BURST_MS:-?} ms" "-" "-" "<= 100 ms" "$(at_most "${BURST_MS:--}" 100)"
        stop "$XPID"
    else
        say "  Xvfb missing, not measured"
    fi
fi

say ""; say "# raw output: $OUT"
