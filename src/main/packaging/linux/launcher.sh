#!/bin/sh
# bin/ucma-workbench.sh and bin/ucma-workbench-window.sh (two copies of this file, pom.xml's dist
# profile): start the workbench as jpackage's launcher of the same name without ".sh" does, with
# the image's own runtime and the options jpackage wrote into that launcher's lib/app/NAME.cfg
# (read at every start: the .cfg stays the one place the options live), but without the
# launcher's package query: JDK 17's Linux launcher runs `rpm -qf` and `dpkg -S` (twice) before
# it loads the JVM, ~0.3 s of every start (BENCHMARKS.md, "jpackage's launcher asks dpkg").
#
# What the ELF launcher does besides, and what this does instead: it adds
# -Djpackage.app-path=<itself> (here: this script); it appends lib/app to LD_LIBRARY_PATH, which
# only matters for native libraries in lib/app, and there are none (DistPackageTest checks), so
# the environment stays as it was; a .cfg key it knows and this script does not (a module, a
# runtime elsewhere, default arguments) stops this script with a message rather than being skipped.
# The `java` launcher also reads JDK_JAVA_OPTIONS, which jpackage's ignores: a user's setting for
# another JDK must not reach this runtime, so it is unset (the workbench starts no other java).
# Left as it is: ps and top name the process "java" (exec keeps the pid; the window's class name,
# which desktops match, comes from the main class either way).
#
# Assumption: no option in the .cfg contains a line break or relies on a shell to unquote it
# (jpackage writes one option per line, unquoted). The install's path may hold spaces: the
# options are split on line breaks only, and globbing is off.
set -eu

# The ELF launcher finds its image from its own resolved path (/proc/self/exe): so does this.
self=$(readlink -f -- "$0" 2> /dev/null) || self=$0
case $self in */*) ;; *) self=./$self ;; esac
bin=${self%/*}
root=${bin%/*}
app=$root/lib/app
name=${self##*/}
cfg=$app/${name%.sh}.cfg

fail() {
    echo "$name: $*" >&2
    exit 1
}

# REPLY = $1 with every $2 (literally) replaced by $3
replace() {
    rest=$1 REPLY=
    while :; do
        case $rest in
            *"$2"*) REPLY=$REPLY${rest%%"$2"*}$3; rest=${rest#*"$2"} ;;
            *) break ;;
        esac
    done
    REPLY=$REPLY$rest
}

# jpackage's own macros in a .cfg value
expand() {
    replace "$1" '$APPDIR' "$app"
    replace "$REPLY" '$BINDIR' "$bin"
    replace "$REPLY" '$ROOTDIR' "$root"
}

[ -r "$cfg" ] || fail "no $cfg (this script starts the launcher of its own name, without .sh)"
nl='
'
options= classpath= mainclass= section=
while IFS= read -r line || [ -n "$line" ]; do
    case $section:$line in
        *:'' | *:'#'*) ;;
        *:'['*']') section=$line ;;
        '[Application]:app.classpath='*)
            expand "${line#*=}"
            classpath=${classpath:+$classpath:}$REPLY ;;
        '[Application]:app.mainclass='*) mainclass=${line#*=} ;;
        '[JavaOptions]:java-options='*)
            expand "${line#*=}"
            options=$options$REPLY$nl ;;
        *) fail "$cfg: a line this script does not know how to pass on: $line" ;;
    esac
done < "$cfg"
[ -n "$mainclass" ] || fail "$cfg names no app.mainclass"

unset JDK_JAVA_OPTIONS
IFS=$nl
set -f
# shellcheck disable=SC2086 # split on line breaks only: one option a line, as the .cfg has them
exec "$root/lib/runtime/bin/java" $options "-Djpackage.app-path=$self" \
    -classpath "$classpath" "$mainclass" "$@"
