#!/bin/sh
# bench.sh runs every performance benchmark of issue 7 on this machine and
# rewrites the generated table in docs/BENCHMARKS.md (target · floor ·
# measured · command). It takes several minutes; run it on a quiet machine,
# the table records the load average it saw.
#
#   scripts/bench.sh            # all benchmarks
#   KEEP=/some/dir scripts/bench.sh   # keep the fixture databases and the raw output there
set -eu
cd "$(dirname "$0")/.."

work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
out="$work/results.txt"
: >"$out"

note() { echo "# $*" >>"$out"; }
note "measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(go version | cut -d' ' -f3-4), commit $(git rev-parse --short HEAD)"
note "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "building the stripped binary and the start-up harness…"
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$work/nianbao" ./cmd/nianbao
printf 'BenchmarkBinarySize\t1\t%s B\n' "$(wc -c <"$work/nianbao" | tr -d ' ')" >>"$out"
go build -o "$work/startbench" ./scripts/startbench

echo "building the 50,000-request fixtures…"
NIANBAO_BENCH_DIR="$work" go test -count=1 -run '^TestFixtures$' ./bench/ >/dev/null

bench() {
	echo "go test -bench '$1' -benchtime $2 ./bench/"
	NIANBAO_BENCH_DIR="$work" go test -count=1 -run '^$' -bench "$1" -benchtime "$2" -timeout 60m ./bench/ | tee -a "$out" | grep -E '^(Benchmark|FAIL|---)' || true
}

echo "start-up in a pseudo-terminal…"
"$work/startbench" -bin "$work/nianbao" -db "$work/demo.db" -organ '演示单位（批量申请数据）' -year 2025 -runs 10 -name demo | sed 's/^/Benchmark/' | tee -a "$out"
"$work/startbench" -bin "$work/nianbao" -db "$work/stress.db" -organ '性能测试单位（同一年5万件申请）' -year 2025 -runs 10 -name stress50k | sed 's/^/Benchmark/' | tee -a "$out"

bench 'ComputeS3|Check' 20x
bench 'FieldEdit' 500x
bench 'Open|StartupPath' 10x
bench 'ExportReport' 10x
bench 'RequestLogWorkbook' 2x
bench 'BytesPerKey' 1x
bench 'Keystroke' 400x

note "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
go run ./scripts/benchtable -in "$out" -doc docs/BENCHMARKS.md
echo "docs/BENCHMARKS.md rewritten; raw output in $out"
