#!/bin/sh
# bench.sh measures every performance figure of issue 18 on this machine and
# prints them as one table: each figure with its goal, what was measured,
# the CPU time where the wall time depends on the load, the load average
# when its step began, and met or missed. The machine (CPU model, MHz,
# cores) and the load before and after are printed with it. It takes about
# four minutes on an idle 2-core PC (more when the fixtures are built).
#
#   scripts/bench.sh                    # measure and print the table
#   scripts/bench.sh -w                 # …and rewrite the table in docs/BENCHMARKS.md
#   scripts/bench.sh -province          # …and aggregate 30,000 bundles too (2.3 GB of
#                                       # bundles in the work folder, about 2 more minutes)
#   KEEP=/some/dir scripts/bench.sh     # keep the fixtures and the raw output there (reused next time)
#
# What runs (each step's raw lines are in results.txt):
#   start-up     scripts/startbench: the real stripped binary on a 200×60 pty,
#                demo and 50,000 requests, 10 runs each, alternating with the
#                bare Bubble Tea floor (same keys, same frames) of the same run
#   keystrokes   go test -bench 'Keystroke' ./bench/ (Update + View, CPU)
#   field save   go test -bench 'FieldSave' ./bench/ (Tab in the request form
#                and everything it sets off, CPU; memory after 100 saves)
#   commands     scripts/startbench -command: nianbao check / export, 5 runs
#   bytes/key    scripts/startbench -keybytes: the real binary on a 200×60 pty
#   aggregate    go test -bench 'Aggregate' ./bench/: the real stripped binary
#                (nianbao aggregate) over 3,000 and 10,000 generated bundles,
#                30,000 with -province; wall, CPU and peak RSS of the process.
#                The bundle folders are removed at the end unless KEEP is set.
set -eu
cd "$(dirname "$0")/.."

write_doc=
for arg in "$@"; do
	case $arg in
	-w) write_doc=1 ;;
	-province) export NIANBAO_BENCH_PROVINCE=1 ;;
	*) echo "usage: scripts/bench.sh [-w] [-province]" >&2; exit 2 ;;
	esac
done

work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
out="$work/results.txt"
: >"$out"

note() { echo "# $*" >>"$out"; }
step() {
	echo "== $*" >&2
	echo "# step load: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out"
}

model=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mhz=$(grep -m1 '^cpu MHz' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
note "measured $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $(go version | cut -d' ' -f3-4)"
note "CPU: ${model}, ${mhz} MHz, $(nproc) cores"
note "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== building the stripped binary and the harness" >&2
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$work/nianbao" ./cmd/nianbao
go build -o "$work/startbench" ./scripts/startbench
go test -c -o "$work/bench.test" ./bench/

if [ ! -s "$work/demo.db" ] || [ ! -s "$work/stress.db" ]; then
	echo "== building the 50,000-request fixtures (once per KEEP folder)" >&2
	(cd bench && NIANBAO_BENCH_DIR="$work" "$work/bench.test" -test.count=1 -test.run '^TestFixtures$' >/dev/null)
fi
demo_organ='演示单位（批量申请数据）'
stress_organ='性能测试单位（同一年5万件申请）'
clerk_organ='大雁镇人民政府'

gobench() {
	(cd bench && NIANBAO_BIN="${NIANBAO_BIN:-}" NIANBAO_BENCH_DIR="$work" "$work/bench.test" -test.run '^$' -test.bench "$1" -test.benchtime "$2" -test.timeout 30m) |
		tee -a "$out" | grep -E '^(Benchmark|FAIL|---|panic)' >&2 || true
}

step "start-up, demo database"
"$work/startbench" -bin "$work/nianbao" -db "$work/demo.db" -organ "$demo_organ" -year 2025 -runs 10 -name demo | tee -a "$out" >&2
step "start-up, 50,000 requests in one year"
"$work/startbench" -bin "$work/nianbao" -db "$work/stress.db" -organ "$stress_organ" -year 2025 -runs 10 -name stress50k | tee -a "$out" >&2

step "commands"
cp "$work/demo.db" "$work/clerk.db"
"$work/startbench" -command -bin "$work/nianbao" -runs 5 -name check/demo -- check --db "$work/clerk.db" --organ "$clerk_organ" --year 2021 | tee -a "$out" >&2
"$work/startbench" -command -bin "$work/nianbao" -runs 5 -name check/stress50k -- check --db "$work/stress.db" --organ "$stress_organ" --year 2025 | tee -a "$out" >&2
mkdir -p "$work/export"
"$work/startbench" -command -bin "$work/nianbao" -runs 5 -name export/demo -- export --db "$work/clerk.db" --organ "$clerk_organ" --year 2021 --out "$work/export" --overwrite | tee -a "$out" >&2
"$work/startbench" -command -bin "$work/nianbao" -runs 5 -name export/stress50k -- export --db "$work/stress.db" --organ "$stress_organ" --year 2025 --out "$work/export" --overwrite --force | tee -a "$out" >&2

step "bytes per key from a pty of the real binary"
cp "$work/demo.db" "$work/keys.db"
"$work/startbench" -keybytes -bin "$work/nianbao" -db "$work/keys.db" -organ "$clerk_organ" -year 2021 -name demo | tee -a "$out" >&2

step "keystrokes"
gobench 'Keystroke' 200x
step "field save"
gobench 'FieldSave' 100x
step "aggregate"
NIANBAO_BIN="$work/nianbao" gobench 'Aggregate' 1x
[ -n "${KEEP:-}" ] || rm -rf "$work"/bundles-*

note "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo >&2
if [ -n "$write_doc" ]; then
	go run ./scripts/benchtable -in "$out" -doc docs/BENCHMARKS.md
	echo >&2
	echo "docs/BENCHMARKS.md rewritten; raw output in $out" >&2
else
	go run ./scripts/benchtable -in "$out"
	echo >&2
	echo "raw output in $out" >&2
fi
