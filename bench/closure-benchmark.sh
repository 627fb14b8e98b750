#!/usr/bin/env bash
# closure-benchmark.sh: compares portkit's offline closure against
# `mvn dependency:go-offline` (maven-dependency-plugin 3.8.1, Maven 3.9.16) and
# against an online build followed by a tarball of its local repository (what
# ports such as the Jitsi ones do today), on real projects. Run by hand; it takes
# 30-50 minutes and needs Maven Central.
#
# For each project it measures:
#   portkit  cold resolve time (empty --cache) with its time per phase (PORTKIT_PROFILE=1), warm resolve time (same cache,
#            new --out; the warm run copies the files of the lock the cold run kept
#            for the same inputs instead of resolving and building again), files and bytes in its
#            output repository, the jar and POM files its cold run fetched that the lock leaves
#            out, and whether `mvn -o` builds a fresh unpack of the source with only that repository;
#   go-offline time into an empty local repository, files and bytes in that
#            repository (without _remote.repositories, *.lastUpdated,
#            resolver-status.properties), and whether `mvn -o` builds a fresh
#            unpack with only that repository;
#   online build + tarball  time of `mvn package` online into an empty local repository
#            and of `tar czf` of that repository, files and bytes in it (counted like
#            go-offline's), the tarball's size, whether a second online build + tarball
#            in another fresh unpack gives identical bytes, and whether `mvn -o` builds
#            a fresh unpack with only the first repository.
# Every Maven run uses an empty settings file (-s), so ~/.m2/settings.xml plays no part.
#
# Environment:
#   BENCH_DIR       work directory (default /tmp/portkit-bench); logs and results stay there
#   PORTKIT         portkit launcher (default: the one next to this script's directory)
#   PORTKIT_SNAPSHOT=0  run the launcher itself instead of a snapshot of its jar
#                   (by default the launcher is built once, then its jar and lib/ are
#                   copied to BENCH_DIR so concurrent source edits cannot trigger a
#                   rebuild in the middle of a timed run)
#   BENCH_LOCAL     the user's own projects, measured like the ones from Central: space-separated
#                   entries "NAME|SOURCE|JDK|MAVEN-ARGS", SOURCE the path (with a slash, as in
#                   ./mylib) of a project directory or source archive (.zip, .tar.gz, .tgz,
#                   .tar.bz2, .tar.xz; pom.xml at the top or in its one top directory),
#                   JDK a JAVA_HOME (empty: the default one),
#                   MAVEN-ARGS optional reactor options given before the build arguments of every
#                   run, commas for spaces (e.g. "-pl,!mod"); no spaces in any field, e.g.
#                   BENCH_LOCAL="mylib|$HOME/src/mylib||-pl,!mod" BENCH_PROJECTS=mylib
#   BENCH_PROJECTS  space-separated subset of project names (default: all)
#   BENCH_REBUILD=0 skip the second online build + tarball (the reproducibility check)
#   BENCH_CHECK_RUNS how many times `portkit check` of the committed ports is timed (default 3)
#   SYSTEM_MVN      Maven used only to fetch the inputs (default: mvn on PATH)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/portkit-bench}
PORTKIT=${PORTKIT:-$here/../portkit}
PORTKIT_SNAPSHOT=${PORTKIT_SNAPSHOT:-1}
BENCH_REBUILD=${BENCH_REBUILD:-1}
BENCH_CHECK_RUNS=${BENCH_CHECK_RUNS:-3}
SYSTEM_MVN=${SYSTEM_MVN:-mvn}

MAVEN_VERSION=3.9.16
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
BUILD_ARGS=(-DskipTests -Dspotless.check.skip=true package)

DEFAULT_JDK=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64

# name | source: artifact for dependency:copy (g:a:v:type:classifier) or a local path | JDK |
# Maven arguments before BUILD_ARGS, commas for spaces
PROJECTS=(
  "maven-dependency-plugin-3.8.1|org.apache.maven.plugins:maven-dependency-plugin:3.8.1:zip:source-release|$DEFAULT_JDK|"
  "maven-resolver-2.0.17|org.apache.maven.resolver:maven-resolver:2.0.17:zip:source-release|$JDK25|"
)
read -ra local_projects <<<"${BENCH_LOCAL:-}"
PROJECTS+=("${local_projects[@]}")

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
DIST=$BENCH_DIR/dist
SETTINGS=$BENCH_DIR/empty-settings.xml
mkdir -p "$DIST"
echo '<settings/>' >"$SETTINGS"
# Maven 3.9 also reads MAVEN_ARGS; keep the runs comparable.
unset MAVEN_ARGS
# portkit prints its time per phase (only portkit reads it).
export PORTKIT_PROFILE=1

FAILURES=()   # "what: log path"
PK_FAILED=0   # a portkit step (resolve or offline build with its repository) failed

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# timed LOG CMD...: runs CMD with stdout+stderr to LOG; sets T_RC and T_SECS.
timed() {
  local out=$1; shift
  local t0 t1
  T_RC=0
  t0=$(date +%s.%N)
  "$@" >"$out" 2>&1 </dev/null || T_RC=$?
  t1=$(date +%s.%N)
  T_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
}

# mvn_in DIR JAVA_HOME MVN-ARGS...: runs the benchmark's Maven 3.9.16 in DIR.
mvn_in() {
  local dir=$1 jdk=$2; shift 2
  (cd "$dir" && JAVA_HOME="$jdk" "$MVN" -B -s "$SETTINGS" "$@")
}

# fresh_unpack SOURCE DEST: unpacks the archive SOURCE (or copies the directory SOURCE) into an
# empty DEST; prints the project directory (the one top directory, or DEST if pom.xml is at the top).
fresh_unpack() {
  local source=$1 dest=$2 top
  rm -rf "$dest"
  mkdir -p "$dest"
  case "$source" in
    *.zip) unzip -q "$source" -d "$dest" ;;
    *.tar.gz|*.tgz|*.tar.bz2|*.tar.xz) tar -xf "$source" -C "$dest" ;;
    *) [ -d "$source" ] || { echo "$source is neither a directory nor a source archive" >&2; return 1; }
       cp -a "$source/." "$dest/" ;;
  esac
  if [ -f "$dest/pom.xml" ]; then
    printf '%s\n' "$dest"
    return
  fi
  top=$(find "$dest" -mindepth 1 -maxdepth 1 -type d)
  if [ "$(printf '%s\n' "$top" | wc -l)" -ne 1 ] || [ ! -f "$top/pom.xml" ]; then
    echo "unexpected layout in $source: no pom.xml at the top or in its one top directory" >&2
    return 1
  fi
  printf '%s\n' "$top"
}

# source_of SOURCE: the path of a project's source: SOURCE itself when it is a local path (it has
# a slash, coordinates have none), else the zip that fetch SOURCE put into $DIST.
source_of() {
  local a v c
  case "$1" in
    */*) readlink -f "$1" ;;
    *) IFS=':' read -r _ a v _ c <<<"$1"; printf '%s\n' "$DIST/$a-$v-$c.zip" ;;
  esac
}

# repo_stats DIR: prints "FILES BYTES JARS_AND_POMS" of the repository's artifacts, leaving out
# Maven's bookkeeping files.
repo_stats() {
  if [ ! -d "$1" ]; then echo "0 0 0"; return; fi
  find "$1" -type f ! -name _remote.repositories ! -name '*.lastUpdated' \
      ! -name resolver-status.properties -printf '%s %f\n' |
    awk '{ n++; b += $1 } $2 ~ /\.(jar|pom)$/ { jp++ } END { printf "%d %d %d\n", n, b, jp }'
}

# beyond_lock CACHE LOCK: prints "JARS_AND_POMS BYTES" of the files in portkit's download cache
# (repository/cached/ID-DIGEST/PATH) that its lock does not name: what static resolution fetched
# beside the recording and the lock left out.
beyond_lock() {
  if [ ! -d "$1/repository/cached" ] || [ ! -f "$2" ]; then echo "- -"; return; fi
  find "$1/repository/cached" -mindepth 2 -type f \( -name '*.jar' -o -name '*.pom' \) -printf '%s %P\n' |
    awk 'NR == FNR { if ($1 == "file") locked[$2 " " $3] = 1; next }
         { dir = substr($2, 1, index($2, "/") - 1); id = dir; sub(/-[0-9a-f]+$/, "", id)
           if (!((id " " substr($2, length(dir) + 2)) in locked)) { n++; b += $1 } }
         END { printf "%d %d\n", n, b }' "$2" -
}

# phases LOG: portkit's per-phase profile lines ("portkit phase NAME: S s, N files downloaded"), one line.
phases() { sed -n 's/^portkit phase \(.*\): \([0-9.]*\) s, \([0-9]*\) files downloaded$/\1 \2s (\3 dl)/p' "$1" | paste -sd ';' -; }

# downloaded LOG, recording LOG: the two halves of portkit resolve's last line,
# "downloaded this run: N files, X MB; run-time artifacts recorded|replayed ...".
downloaded() { sed -n 's/^downloaded this run: \([^;]*\).*/\1/p' "$1"; }
recording() { sed -n 's/^downloaded this run: .*; run-time artifacts \([a-z]*\).*/\1/p' "$1"; }

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
sum() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-") print "-"; else printf "%.1f", a + b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

# fetch ARTIFACT: copies ARTIFACT from Maven Central into $DIST (system Maven).
fetch() {
  local artifact=$1 name=${1//:/_}
  local marker=$DIST/.$name.done
  [ -f "$marker" ] && return 0
  log "fetching $artifact"
  if ! "$SYSTEM_MVN" -B -s "$SETTINGS" -Dmaven.repo.local="$BENCH_DIR/fetch-m2" \
      "$DEP_PLUGIN:copy" -Dartifact="$artifact" -DoutputDirectory="$DIST" \
      >"$BENCH_DIR/fetch-$name.log" 2>&1 </dev/null; then
    echo "fetching $artifact failed; log: $BENCH_DIR/fetch-$name.log" >&2
    exit 1
  fi
  touch "$marker"
}

# ---------------------------------------------------------------- inputs
fetch "org.apache.maven:apache-maven:$MAVEN_VERSION:tar.gz:bin"
MAVEN_HOME=$BENCH_DIR/apache-maven-$MAVEN_VERSION
if [ ! -x "$MAVEN_HOME/bin/mvn" ]; then
  rm -rf "$MAVEN_HOME"
  tar -xzf "$DIST/apache-maven-$MAVEN_VERSION-bin.tar.gz" -C "$BENCH_DIR"
fi
MVN=$MAVEN_HOME/bin/mvn
"$MVN" -v 2>/dev/null | grep -q "Apache Maven $MAVEN_VERSION" || { echo "$MVN is not Maven $MAVEN_VERSION" >&2; exit 1; }

# offline_build NAME KEY WHOSE REPO LOG SRCDIR: builds a fresh unpack offline with only REPO and
# records PASS or FAIL (with the first error) under R[NAME,KEY_offline*].
offline_build() {
  local name=$1 key=$2 whose=$3 repo=$4 logf=$5 srcdir=$6 src
  log "$name: offline build with $whose repository"
  src=$(fresh_unpack "$source" "$srcdir")
  timed "$logf" mvn_in "$src" "$jdk" -o -Dmaven.repo.local="$repo" "${ARGS[@]}"
  R[$name,${key}_offline_secs]=$T_SECS
  if [ "$T_RC" -eq 0 ] && grep -q 'BUILD SUCCESS' "$logf"; then
    R[$name,${key}_offline]=PASS
  else
    R[$name,${key}_offline]=FAIL
    R[$name,${key}_offline_err]=$(grep -m 1 -E '^\[ERROR\]' "$logf" | cut -c 1-200 || true)
    FAILURES+=("$name offline build with $whose repository (exit $T_RC): $logf")
  fi
}

# record_status NAME KEY WHAT LOG: records the last timed step's exit as R[NAME,KEY_status]
# (ok or FAIL(rc)); a failure is listed with LOG.
record_status() {
  if [ "$T_RC" -eq 0 ]; then
    R[$1,${2}_status]=ok
  else
    R[$1,${2}_status]="FAIL($T_RC)"
    FAILURES+=("$1 $3 (exit $T_RC): $4")
  fi
}

# online_tarball NAME KEY DIR: what a port maintainer does today. In a fresh unpack under
# DIR, builds online into the empty repository DIR/online-m2, then runs
# `tar czf DIR/online-m2.tar.gz -C DIR online-m2`; records R[NAME,KEY_secs], KEY_status,
# KEY_tar_secs, KEY_tar_status and KEY_tar_bytes.
online_tarball() {
  local name=$1 key=$2 dir=$3 src
  log "$name: online build into an empty repository, then tar ($dir)"
  src=$(fresh_unpack "$source" "$dir/src-online")
  rm -rf "$dir/online-m2" "$dir/online-m2.tar.gz"
  mkdir -p "$dir/online-m2"
  timed "$dir/online-build.log" mvn_in "$src" "$jdk" -Dmaven.repo.local="$dir/online-m2" "${ARGS[@]}"
  R[$name,${key}_secs]=$T_SECS
  record_status "$name" "$key" "online build" "$dir/online-build.log"
  timed "$dir/tar.log" tar czf "$dir/online-m2.tar.gz" -C "$dir" online-m2
  R[$name,${key}_tar_secs]=$T_SECS
  record_status "$name" "${key}_tar" "tar of the online repository" "$dir/tar.log"
  R[$name,${key}_tar_bytes]=$(stat -c %s "$dir/online-m2.tar.gz" 2>/dev/null || echo -)
}

for p in "${PROJECTS[@]}"; do
  IFS='|' read -r name origin _ <<<"$p"
  if [ -n "${BENCH_PROJECTS:-}" ] && [[ " $BENCH_PROJECTS " != *" $name "* ]]; then
    continue
  fi
  case "$(source_of "$origin")" in
    "$DIST"/*) fetch "$origin" ;;
    *) [ -e "$origin" ] || { echo "BENCH_LOCAL: $name's source $origin does not exist" >&2; exit 1; } ;;
  esac
done

# ---------------------------------------------------------------- portkit
if [ "$PORTKIT_SNAPSHOT" = 1 ]; then
  log "building portkit (launcher) and snapshotting its jar"
  "$PORTKIT" --version >"$BENCH_DIR/portkit-build.log" 2>&1 ||
    { echo "portkit launcher failed; log: $BENCH_DIR/portkit-build.log" >&2; exit 1; }
  target=$(cd "$(dirname "$PORTKIT")" && pwd)/tool/target
  rm -rf "$BENCH_DIR/portkit-snapshot"
  mkdir -p "$BENCH_DIR/portkit-snapshot"
  cp "$target/portkit.jar" "$BENCH_DIR/portkit-snapshot/"
  cp -r "$target/lib" "$BENCH_DIR/portkit-snapshot/"
  portkit() { java -jar "$BENCH_DIR/portkit-snapshot/portkit.jar" "$@"; }
else
  portkit() { "$PORTKIT" "$@"; }
fi
log "portkit $(portkit --version 2>&1 | head -n 1)"

# ---------------------------------------------------------------- benchmark
declare -A R   # R[name,key]
NAMES=()

for p in "${PROJECTS[@]}"; do
  IFS='|' read -r name origin jdk extra <<<"$p"
  if [ -n "${BENCH_PROJECTS:-}" ] && [[ " $BENCH_PROJECTS " != *" $name "* ]]; then
    continue
  fi
  NAMES+=("$name")
  source=$(source_of "$origin")
  jdk=${jdk:-$DEFAULT_JDK}
  # the Maven arguments of every run of this project: its own (commas for spaces), then BUILD_ARGS
  IFS=',' read -ra EXTRA <<<"$extra"
  ARGS=("${EXTRA[@]}" "${BUILD_ARGS[@]}")
  R[$name,args]=${ARGS[*]}
  W=$BENCH_DIR/$name
  rm -rf "$W"
  mkdir -p "$W"
  R[$name,jdk]=$(basename "$jdk")

  # portkit, cold
  log "$name: portkit cold resolve"
  timed "$W/portkit-cold.log" portkit resolve "$source" --cache "$W/pk-cache" --out "$W/pk-m2" \
    --lock "$W/pk-cold.lock" --settings "$SETTINGS" --java-home "$jdk" -- "${ARGS[@]}"
  R[$name,pk_cold]=$T_SECS
  if [ "$T_RC" -eq 0 ]; then
    R[$name,pk_cold_out]=$(grep -E 'files \(|downloaded this run' "$W/portkit-cold.log" | tr '\n' ' ' || true)
    R[$name,pk_cold_rec]=$(recording "$W/portkit-cold.log")
    R[$name,pk_cold_phases]=$(phases "$W/portkit-cold.log")
    read -r files bytes jp < <(repo_stats "$W/pk-m2")
    R[$name,pk_files]=$files; R[$name,pk_bytes]=$bytes; R[$name,pk_jp]=$jp
    R[$name,pk_lock_files]=$(grep -c '^file ' "$W/pk-cold.lock" || true)
    read -r files bytes < <(beyond_lock "$W/pk-cache" "$W/pk-cold.lock")
    R[$name,pk_beyond]=$files; R[$name,pk_beyond_bytes]=$bytes
  else
    R[$name,pk_cold]="FAIL($T_RC)"; R[$name,pk_cold_rec]=-
    R[$name,pk_files]=-; R[$name,pk_bytes]=-; R[$name,pk_jp]=-; R[$name,pk_lock_files]=-
    PK_FAILED=1; FAILURES+=("$name portkit cold resolve (exit $T_RC): $W/portkit-cold.log")
    log "$name: portkit cold resolve failed (exit $T_RC); last lines:"
    tail -n 30 "$W/portkit-cold.log" >&2
  fi

  # portkit, warm (same cache, new output): replays the cold run's recording
  log "$name: portkit warm resolve"
  timed "$W/portkit-warm.log" portkit resolve "$source" --cache "$W/pk-cache" --out "$W/pk-m2-warm" \
    --lock "$W/pk-warm.lock" --settings "$SETTINGS" --java-home "$jdk" -- "${ARGS[@]}"
  R[$name,pk_warm]=$T_SECS
  if [ "$T_RC" -eq 0 ]; then
    R[$name,pk_warm_dl]=$(downloaded "$W/portkit-warm.log")
    R[$name,pk_warm_rec]=$(recording "$W/portkit-warm.log")
    R[$name,pk_warm_phases]=$(phases "$W/portkit-warm.log")
    if [ -f "$W/pk-cold.lock" ] && cmp -s "$W/pk-cold.lock" "$W/pk-warm.lock"; then
      R[$name,pk_lock_same]=yes
    else
      R[$name,pk_lock_same]=NO
    fi
  else
    R[$name,pk_warm]="FAIL($T_RC)"; R[$name,pk_warm_dl]=-; R[$name,pk_warm_rec]=-; R[$name,pk_lock_same]=-
    PK_FAILED=1; FAILURES+=("$name portkit warm resolve (exit $T_RC): $W/portkit-warm.log")
    log "$name: portkit warm resolve failed (exit $T_RC); last lines:"
    tail -n 30 "$W/portkit-warm.log" >&2
  fi

  # offline build with portkit's repository (counted above, before the build touches it)
  if [ -d "$W/pk-m2" ] && [ "${R[$name,pk_files]}" != - ]; then
    offline_build "$name" pk "portkit's" "$W/pk-m2" "$W/offline-portkit.log" "$W/src-portkit"
    [ "${R[$name,pk_offline]}" = PASS ] || PK_FAILED=1
  else
    R[$name,pk_offline]=-; R[$name,pk_offline_secs]=-
  fi

  # go-offline into an empty repository
  log "$name: dependency:go-offline"
  src=$(fresh_unpack "$source" "$W/src-gooffline")
  mkdir -p "$W/go-m2"
  timed "$W/go-offline.log" mvn_in "$src" "$jdk" -Dmaven.repo.local="$W/go-m2" "${EXTRA[@]}" "$DEP_PLUGIN:go-offline"
  R[$name,go_secs]=$T_SECS
  record_status "$name" go go-offline "$W/go-offline.log"
  read -r files bytes jp < <(repo_stats "$W/go-m2")
  R[$name,go_files]=$files; R[$name,go_bytes]=$bytes; R[$name,go_jp]=$jp

  # offline build with go-offline's repository
  offline_build "$name" go "go-offline's" "$W/go-m2" "$W/offline-gooffline.log" "$W/src-gooffline-build"

  # online build + tarball, counted before anything else touches the repository; then the
  # same again in another fresh unpack, to see whether the tarball can be rebuilt bit for bit
  online_tarball "$name" tb "$W"
  read -r files bytes jp < <(repo_stats "$W/online-m2")
  R[$name,tb_files]=$files; R[$name,tb_bytes]=$bytes; R[$name,tb_jp]=$jp
  if [ "$BENCH_REBUILD" = 1 ]; then
    online_tarball "$name" tb2 "$W/online-rebuild"
    if cmp -s "$W/online-m2.tar.gz" "$W/online-rebuild/online-m2.tar.gz"; then
      R[$name,tb_repro]=yes
    else
      R[$name,tb_repro]=no
    fi
    R[$name,tb_diff]="$({ diff -rq "$W/online-m2" "$W/online-rebuild/online-m2" || true; } | wc -l) ($({
      diff -rq -x _remote.repositories -x '*.lastUpdated' -x resolver-status.properties \
        "$W/online-m2" "$W/online-rebuild/online-m2" || true; } | wc -l) artifacts)"
  fi

  # offline build with the online build's repository
  offline_build "$name" tb "the online build's" "$W/online-m2" "$W/offline-online.log" "$W/src-online-build"

  pk_cold_num=${R[$name,pk_cold]}
  [[ $pk_cold_num == FAIL* ]] && pk_cold_num=-
  R[$name,ratio_time]=$(ratio "$pk_cold_num" "${R[$name,go_secs]}")
  R[$name,ratio_bytes]=$(ratio "${R[$name,pk_bytes]}" "${R[$name,go_bytes]}")
  R[$name,ratio_tb_time]=$(ratio "$pk_cold_num" "$(sum "${R[$name,tb_secs]}" "${R[$name,tb_tar_secs]}")")
  R[$name,ratio_tb_bytes]=$(ratio "${R[$name,pk_bytes]}" "${R[$name,tb_bytes]}")
  R[$name,ratio_online]=$(ratio "$pk_cold_num" "${R[$name,tb_secs]}")
  pk_warm_num=${R[$name,pk_warm]}
  [[ $pk_warm_num == FAIL* ]] && pk_warm_num=-
  R[$name,ratio_warm_online]=$(ratio "$pk_warm_num" "${R[$name,tb_secs]}")
  R[$name,ratio_jp]=$(ratio "${R[$name,pk_jp]}" "${R[$name,tb_jp]}")
done

# ---------------------------------------------------------------- check
# `portkit check` of the committed ports, wall time with JVM start, through the launcher (its JVM
# options are part of what is measured), from the launcher's tree.
CHECK_TIMES=()
CHECK_STATUS=ok
portkit_root=$(cd "$(dirname "$PORTKIT")" && pwd)
check_in_root() { (cd "$portkit_root" && "$PORTKIT" check); }
for _ in $(seq "$BENCH_CHECK_RUNS"); do
  timed "$BENCH_DIR/check.log" check_in_root
  CHECK_TIMES+=("$T_SECS")
  [ "$T_RC" -eq 0 ] || CHECK_STATUS="FAIL($T_RC)"
done

# ---------------------------------------------------------------- report
row() {
  local label=$1 key=$2 n
  printf '%-44s' "$label"
  for n in "${NAMES[@]}"; do printf ' %-30s' "${R[$n,$key]:--}"; done
  printf '\n'
}
mbrow() {
  local label=$1 key=$2 n v
  printf '%-44s' "$label"
  for n in "${NAMES[@]}"; do
    v=${R[$n,$key]:--}
    [ "$v" != - ] && v="$(mb "$v") ($v B)"
    printf ' %-30s' "$v"
  done
  printf '\n'
}

{
  echo
  echo "portkit vs dependency:go-offline (maven-dependency-plugin 3.8.1) vs online build + tarball, Maven $MAVEN_VERSION"
  echo "build args (after a project's own, listed below): ${BUILD_ARGS[*]}; work dir: $BENCH_DIR; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  printf '%-44s' ""
  for n in "${NAMES[@]}"; do printf ' %-30s' "$n"; done
  printf '\n'
  row   "JDK"                                   jdk
  row   "Maven arguments"                       args
  row   "portkit cold resolve (s)"              pk_cold
  row   "portkit warm resolve (s)"              pk_warm
  row   "portkit cold: run-time artifacts"      pk_cold_rec
  row   "portkit warm: run-time artifacts"      pk_warm_rec
  row   "portkit warm: downloaded"              pk_warm_dl
  row   "portkit cold/warm locks identical"     pk_lock_same
  row   "portkit repo files"                    pk_files
  mbrow "portkit repo MB"                       pk_bytes
  row   "portkit lock entries"                  pk_lock_files
  row   "offline build, portkit repo"           pk_offline
  row   "  (offline build time, s)"             pk_offline_secs
  row   "go-offline time (s)"                   go_secs
  row   "go-offline exit"                       go_status
  row   "go-offline repo files"                 go_files
  mbrow "go-offline repo MB"                    go_bytes
  row   "offline build, go-offline repo"        go_offline
  row   "  (offline build time, s)"             go_offline_secs
  row   "ratio portkit cold time / go-offline"  ratio_time
  row   "ratio portkit bytes / go-offline"      ratio_bytes
  row   "online build time (s)"                 tb_secs
  row   "online build exit"                     tb_status
  row   "tar czf time (s)"                      tb_tar_secs
  row   "online repo files"                     tb_files
  mbrow "online repo MB"                        tb_bytes
  mbrow "online tarball MB"                     tb_tar_bytes
  row   "tarball reproducible (rebuilt, cmp)"   tb_repro
  row   "  (second online build time, s)"       tb2_secs
  row   "  (files differing in the two repos)"  tb_diff
  row   "offline build, online repo"            tb_offline
  row   "  (offline build time, s)"             tb_offline_secs
  row   "ratio portkit cold / (online + tar)"   ratio_tb_time
  row   "ratio portkit bytes / online repo"     ratio_tb_bytes
  row   "ratio portkit cold / online build"     ratio_online
  row   "ratio portkit warm / online build"     ratio_warm_online
  row   "jar+pom files: portkit repo"           pk_jp
  row   "jar+pom files: go-offline repo"        go_jp
  row   "jar+pom files: online repo"            tb_jp
  row   "ratio jar+pom portkit / online"        ratio_jp
  row   "jar+pom fetched beyond the lock"       pk_beyond
  mbrow "  (their MB)"                          pk_beyond_bytes
  echo
  echo "portkit check of the committed ports, wall time with JVM start (s): ${CHECK_TIMES[*]} ($CHECK_STATUS)"
  echo "load average at the end: $(cut -d ' ' -f 1-3 /proc/loadavg)"
  for n in "${NAMES[@]}"; do
    echo "$n portkit cold phases: ${R[$n,pk_cold_phases]:--}"
    echo "$n portkit warm phases: ${R[$n,pk_warm_phases]:--}"
  done
  echo
  for n in "${NAMES[@]}"; do
    [ -n "${R[$n,pk_cold_out]:-}" ] && echo "$n portkit cold: ${R[$n,pk_cold_out]}"
    for k in pk:portkit go:go-offline tb:online-build; do
      [ -n "${R[$n,${k%%:*}_offline_err]:-}" ] && echo "$n offline build with ${k#*:} repo, first error: ${R[$n,${k%%:*}_offline_err]}"
    done
  done
  echo "Note: portkit cold time includes fetching Maven $MAVEN_VERSION into its cache and its recording build;"
  echo "      its warm run copies the files of the lock kept for the same source, arguments, Maven, JDK, settings"
  echo "      and target (no model, no resolver, no build); go-offline time excludes the Maven download and runs no build; online build time"
  echo "      excludes the Maven download and includes the build itself."
  echo "      Tarball reproducible: a second online build + tar czf in another fresh unpack, compared with cmp;"
  echo "      files differing: diff -rq of the two repositories, then without Maven's bookkeeping files."
} | tee "$BENCH_DIR/results.txt"

if [ "${#FAILURES[@]}" -gt 0 ]; then
  echo
  echo "Failed steps (logs):"
  printf '  %s\n' "${FAILURES[@]}"
fi
# go-offline's shortcomings are results; only portkit's own failures fail the script.
exit "$PK_FAILED"
