#!/usr/bin/env bash
# topology-benchmark.sh: renders and verifies Jitsi Meet topologies of 1 xmpp, 1
# focus, 2 nginx and N bridges behind a router (portkit render-config --topology,
# then verify-config), and prints for each N the wall-clock time of both, the
# files rendered and the hosts. N is 50 (the issue's figure) and, to show how
# verify-config's cost grows with hosts, 10, 25, 100 (SIZES="10 50 100 200" goes
# further). Each command runs in its
# own JVM, so the figures include JVM start-up (measured too: --version). Run by
# hand from the worktree root after `mvn -q -DskipTests package`.
#
# Environment: BENCH_DIR (default /tmp/portkit-topology-bench), PORTKIT (default
# ./portkit), SIZES (default "10 25 50 100"), RUNS (default 3: verify_s is the
# fastest of that many verifications).
set -euo pipefail
BENCH_DIR=${BENCH_DIR:-/tmp/portkit-topology-bench}
PORTKIT=${PORTKIT:-$(cd "$(dirname "$0")/.." && pwd)/portkit}
SIZES=${SIZES:-"10 25 50 100"}
RUNS=${RUNS:-3}
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
	# What the hosts add to the rendered files (jitsi-setup's certificate, net/jitsi/prosody-plugins),
	# so that verify-config finds the site coherent (it exits 10 otherwise, stopping the script).
	for h in web1 web2; do
		mkdir -p "$out/$h/etc/ssl/private"
		: > "$out/$h/etc/ssl/meet.example.org.fullchain.pem"
		: > "$out/$h/etc/ssl/private/meet.example.org.key"
	done
	mkdir -p "$out/xmpp/usr/local/share/jitsi-prosody-plugins"
	render=$(secs "$t0" "$t1")
	# The machine may be shared: the fastest of RUNS verifications is the one least disturbed.
	verify=
	r=0
	while [ "$r" -lt "$RUNS" ]; do
		t1=$(now); "$PORTKIT" verify-config "$out" >/dev/null; t2=$(now)
		v=$(secs "$t1" "$t2")
		verify=$(awk -v a="$verify" -v b="$v" 'BEGIN { print (a == "" || b < a) ? b : a }')
		r=$((r + 1))
	done
	files=$(find "$out" -type f | wc -l)
	printf '%-8s %-6s %-7s %-10s %-10s\n' "$n" $((n + 4)) "$files" "$render" "$verify"
done
