#!/usr/bin/env bash
# archive-benchmark.sh: times `portkit archive` against `tar czf` of the same offline repository,
# compares the archive's size with the lock's per-artifact total, and checks which of the two
# gives the same bytes again: from the same tree, and from a fresh copy of it (new mtimes, other
# traversal order). Run by hand; it takes a minute or two. Figures are printed, never asserted.
#
# Usage: bench/archive-benchmark.sh [LOCK REPO]
#   LOCK REPO  a complete lock and the offline repository written from it (portkit resolve --out);
#              by default examples/hello-daemon is resolved into BENCH_DIR (warm after the first run)
# Environment:
#   BENCH_DIR  work directory (default /tmp/portkit-archive-bench)
#   PORTKIT    portkit launcher (default: the one next to this script's directory); it is run once
#              to build the tool, then its jar is run directly so no staleness check is timed
#   RUNS       timed runs of each tool, interleaved; medians are reported (default 5)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/portkit-archive-bench}
PORTKIT=${PORTKIT:-$here/../portkit}
RUNS=${RUNS:-5}

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
W=$BENCH_DIR/runs
rm -rf "$W"
mkdir -p "$W"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

"$PORTKIT" --version >"$BENCH_DIR/portkit-build.log" 2>&1 ||
  { echo "portkit launcher failed; log: $BENCH_DIR/portkit-build.log" >&2; exit 1; }
jar=$(cd "$(dirname "$PORTKIT")" && pwd)/tool/target/portkit.jar
portkit() { java -jar "$jar" "$@"; }

if [ $# -eq 2 ]; then
  LOCK=$1 REPO=$2
elif [ $# -eq 0 ]; then
  LOCK=$BENCH_DIR/portkit.lock REPO=$BENCH_DIR/m2
  log "resolving examples/hello-daemon into $REPO"
  portkit resolve "$here/../examples/hello-daemon" --out "$REPO" --lock "$LOCK" >"$BENCH_DIR/resolve.log" 2>&1 ||
    { echo "resolve failed; log: $BENCH_DIR/resolve.log" >&2; tail -n 20 "$BENCH_DIR/resolve.log" >&2; exit 1; }
else
  echo "usage: $0 [LOCK REPO]" >&2
  exit 2
fi
REPO=$(cd "$REPO" && pwd)

# secs CMD...: runs CMD quietly, prints its wall time in seconds.
secs() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>"$W/last.err" || { echo "failed: $*" >&2; cat "$W/last.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB (%d B)", b / 1e6, b }'; }
size() { stat -c %s "$1"; }
same() { if cmp -s "$1" "$2"; then echo yes; else echo no; fi; }

tar_czf() { tar czf "$1" -C "$(dirname "$2")" "$(basename "$2")"; }

log "warming up (page cache)"
secs portkit archive "$LOCK" "$W/warm.tar.gz" --repo "$REPO" >/dev/null
secs tar_czf "$W/warm-tar.tar.gz" "$REPO" >/dev/null

log "$RUNS interleaved runs of each"
: >"$W/pk.times"; : >"$W/tar.times"; : >"$W/jvm.times"
for i in $(seq 1 "$RUNS"); do
  secs portkit archive "$LOCK" "$W/pk-$i.tar.gz" --repo "$REPO" >>"$W/pk.times"
  secs tar_czf "$W/tar-$i.tar.gz" "$REPO" >>"$W/tar.times"
  secs portkit --version >>"$W/jvm.times"
done
pk_secs=$(median <"$W/pk.times")
tar_secs=$(median <"$W/tar.times")
jvm_secs=$(median <"$W/jvm.times")

log "a fresh copy of the repository (new mtimes; files created in reverse order), archived by both"
copy=$W/copy/$(basename "$REPO")
(cd "$REPO" && find . -type f | sort -r) | while read -r f; do
  mkdir -p "$copy/$(dirname "$f")"
  cp "$REPO/$f" "$copy/$f"
done
sleep 1
portkit archive "$LOCK" "$W/pk-copy.tar.gz" --repo "$copy" >/dev/null
tar_czf "$W/tar-copy.tar.gz" "$copy"

lock_files=$(grep -c '^file ' "$LOCK")
lock_bytes=$(awk '$1 == "file" { b += $5 } END { printf "%d", b }' "$LOCK")
pk_bytes=$(size "$W/pk-1.tar.gz")
tar_bytes=$(size "$W/tar-1.tar.gz")
pk_raw=$(gzip -dc "$W/pk-1.tar.gz" | wc -c)
pk_entries=$(tar tzf "$W/pk-1.tar.gz" | wc -l)
tar_entries=$(tar tzf "$W/tar-1.tar.gz" | wc -l)
pk_same=yes
for i in $(seq 2 "$RUNS"); do [ "$(same "$W/pk-1.tar.gz" "$W/pk-$i.tar.gz")" = yes ] || pk_same=no; done
tar_same=yes
for i in $(seq 2 "$RUNS"); do [ "$(same "$W/tar-1.tar.gz" "$W/tar-$i.tar.gz")" = yes ] || tar_same=no; done

row() { printf '%-52s %s\n' "$1" "$2"; }
{
  echo
  echo "portkit archive vs tar czf (GNU tar $(tar --version | sed -n '1s/.* //p'), gzip $(gzip --version | sed -n '1s/.* //p'))"
  echo "lock: $LOCK"
  echo "repo: $REPO"
  echo "$(nproc) cores; $RUNS runs each, medians; $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  row "lock files / per-artifact total (lock totalSize)" "$lock_files / $(mb "$lock_bytes")"
  row "portkit archive time (s)" "$pk_secs"
  row "  of which JVM start (portkit --version, s)" "$jvm_secs"
  row "tar czf time (s)" "$tar_secs"
  row "ratio time portkit / tar" "$(ratio "$pk_secs" "$tar_secs")"
  row "portkit archive entries" "$pk_entries"
  row "tar czf entries" "$tar_entries"
  row "portkit archive size" "$(mb "$pk_bytes")"
  row "  uncompressed (tar stream)" "$(mb "$pk_raw")"
  row "tar czf size" "$(mb "$tar_bytes")"
  row "ratio portkit archive / lock totalSize" "$(ratio "$pk_bytes" "$lock_bytes")"
  row "ratio tar czf / lock totalSize" "$(ratio "$tar_bytes" "$lock_bytes")"
  row "ratio portkit archive / tar czf" "$(ratio "$pk_bytes" "$tar_bytes")"
  row "portkit: same bytes on every run" "$pk_same"
  row "portkit: same bytes from a fresh copy" "$(same "$W/pk-1.tar.gz" "$W/pk-copy.tar.gz")"
  row "tar czf: same bytes on every run" "$tar_same"
  row "tar czf: same bytes from a fresh copy" "$(same "$W/tar-1.tar.gz" "$W/tar-copy.tar.gz")"
  row "portkit archive SHA-256" "$(sha256sum "$W/pk-1.tar.gz" | cut -d ' ' -f 1)"
} | tee "$BENCH_DIR/results.txt"
