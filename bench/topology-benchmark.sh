#!/usr/bin/env bash
# topology-benchmark.sh: renders and verifies Jitsi Meet topologies of 1 xmpp, 1
# focus, 2 nginx and N bridges behind a router (portkit render-config --topology,
# then verify-config), and prints for each N the wall-clock time of both, the
# files rendered and the hosts. N is 50 (the issue's figure) and, to show how
# verify-config's cost grows with hosts, 10, 25 and 100. Each command runs in its
# own JVM, so the figures include JVM start-up (measured too: --version). Run by
# hand from the worktree root after `mvn -q -DskipTests package`.
#
# Environment: BENCH_DIR (default /tmp/portkit-topology-bench), PORTKIT (default
# ./portkit), SIZES (default "10 25 50 100").
set -euo pipefail
BENCH_DIR=${BENCH_DIR:-/tmp/portkit-topology-bench}
PORTKIT=${PORTKIT:-$(cd "$(dirname "$0")/.." && pwd)/portkit}
SIZES=${SIZES:-"10 25 50 100"}
rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

t0=$(now); "$PORTKIT" --version >/dev/null; t1=$(now)
echo "JVM start-up (portkit --version): $(secs "$t0" "$t1") s"
printf '%-8s %-6s %-7s %-10s %-10s\n' bridges hosts files render_s verify_s
for n in $SIZES; do
	desc=$BENCH_DIR/topology-$n.conf
	{
		echo 'domain = meet.example.org'
		echo 'public-address = 203.0.113.7'
		echo 'router { name = vmm, address = 10.0.0.1 }'
		echo 'hosts {'
		echo '  xmpp { address = 10.0.0.3, roles = [xmpp] }'
		echo '  jicofo { address = 10.0.0.4, roles = [focus] }'
		echo '  web1 { address = 10.0.0.10, roles = [web] }'
		echo '  web2 { address = 10.0.0.11, roles = [web] }'
		i=1
		while [ "$i" -le "$n" ]; do
			echo "  jvb$i { address = 10.0.1.$i, roles = [bridge], bridge { media-port = $((10000 + i)) } }"
			i=$((i + 1))
		done
		echo '}'
	} > "$desc"
	out=$BENCH_DIR/site-$n
	t0=$(now); "$PORTKIT" render-config meet.example.org "$out" --topology "$desc" >/dev/null; t1=$(now)
	"$PORTKIT" verify-config "$out" >/dev/null; t2=$(now)
	files=$(find "$out" -type f | wc -l)
	printf '%-8s %-6s %-7s %-10s %-10s\n' "$n" $((n + 4)) "$files" "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")"
done
