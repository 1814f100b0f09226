# Sourced by bench/run.sh, bench/server-ab.sh and bench/proxy-ab.sh once ROOT is set: the settings
# and helpers every SIPp-driving benchmark needs alike, so they cannot drift apart.

# The JVM options the installed launcher gives every command (pom.xml's dist.javaOptions): the
# daemons are measured with the flags they run with. HEAP="..." overrides them.
HEAP=${HEAP:-$(sed -n 's:.*<dist.javaOptions>\(.*\)</dist.javaOptions>.*:\1:p' "$ROOT/pom.xml" | head -1)}
read -r -a JOPTS <<< "${HEAP:--Xmx512m}"
TICKS=$(getconf CLK_TCK)
# SIPp's sockets get the receive buffer our server and registrar ask for (Linux caps both at
# net.core.rmem_max). With SIPp's own 64 KB, SIPp's UAC socket dropped 5,000-20,000 datagrams a
# step at 3,000/s and more while the target's socket dropped none: the lost 200s and ACKs turned
# into "ACK never came" lines and failed calls of the load generator's making. A classroom's
# phones each have a socket of their own. SIPP_BUFF= (empty) gives SIPp's own size back.
SIPP_BUFF=${SIPP_BUFF-8388608}

# sipp_count TAG FIELD: a field of SIPp's final statistics in $OUT/TAG.out, e.g. "Successful call"
sipp_count() { grep -E "^\s+$2 " "$OUT/$1.out" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}'; }
# cpu_ticks PID: the process's user + system clock ticks so far (0 once it is gone)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# tree_ticks PID: the same for a process and its children (Kamailio's workers are its children)
tree_ticks() { local p s=0; for p in $1 $(pgrep -P "$1"); do s=$((s + $(cpu_ticks "$p"))); done; echo $s; }
# per_call TICKS CALLS: CPU milliseconds per call, or "-" without calls
per_call() { awk -v d="$1" -v n="${2:-0}" -v hz="$TICKS" 'BEGIN { if (n > 0) printf "%.3f", d * 1000 / hz / n; else print "-" }'; }

# AP=1: async-profiler over a counted step, attached and detached by jcmd (so warm-up and start are
# left out; the attach itself costs the process ~0.2 s of CPU in the step). Unlike JFR it samples
# the JVM's own threads (C2, GC) and the kernel (sendto, futex, page faults). Fetched once from
# Maven Central (tools.profiler:async-profiler, a jar carrying the native library) into
# target/bench-tools; never a project dependency. Sum the stacks with bench/apstacks.py "$OUT" LABEL.
ap_lib() {
    local v=${AP_VERSION:-4.1} dir="$ROOT/target/bench-tools" arch
    arch=$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
    if [ ! -f "$dir/libasyncProfiler.so" ]; then
        (cd "$ROOT" && mvn -q -B dependency:copy -Dartifact="tools.profiler:async-profiler:$v" -DoutputDirectory="$dir" >&2) \
            && unzip -o -q -j "$dir/async-profiler-$v.jar" "linux-$arch/libasyncProfiler.so" -d "$dir" >&2 || return 1
    fi
    echo "$dir/libasyncProfiler.so"
}
# ap_start PID / ap_stop PID FILE: profile PID's CPU (1 ms, per thread) between the two calls
ap_start() { jcmd "$1" JVMTI.agent_load "$(ap_lib)" "\"start,event=${AP_EVENT:-cpu},interval=${AP_INTERVAL:-1ms},threads\"" > /dev/null; }
ap_stop() { jcmd "$1" JVMTI.agent_load "$(ap_lib)" "\"stop,collapsed,file=$2\"" > /dev/null; }
