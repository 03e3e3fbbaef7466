#!/usr/bin/env bash
# Compares what two builds of nianbao show in a real terminal (tmux) after
# the same long key script, at 80x24 and 200x60: the screens must be
# byte-identical (text and colours). Used to check the patched renderer in
# third_party/ultraviolet against upstream's:
#
#   go build -o /tmp/patched ./cmd/nianbao
#   go mod edit -dropreplace github.com/charmbracelet/ultraviolet
#   go build -o /tmp/upstream ./cmd/nianbao && git checkout go.mod
#   scripts/renderer-compare.sh /tmp/patched /tmp/upstream
set -euo pipefail
a=$1 b=$2
work=$(mktemp -d)
trap 'tmux kill-server -L rcmp 2>/dev/null || true; rm -rf "$work"' EXIT
"$a" demo --db "$work/seed.db" >/dev/null
# The key script: start screen, open 2021, the outline, section 一 with
# typing and deletion, the request log with a search, a request form with
# Chinese typed, table 三, the check list, back out.
keys=(Down Up Enter Enter 1 Enter 本 年 度 我 镇 BSpace BSpace 单 位 Escape Escape
	r Down Down Down / 防 汛 Enter Escape Enter Tab Tab Tab 申 请 BSpace Escape
	3 Down Right Right Escape k Down Down Down Escape 0 Escape)
shot() { # name width height binary
	local n=$1 w=$2 h=$3 bin=$4
	cp "$work/seed.db" "$work/$n.db"
	tmux -L rcmp new-session -d -s "$n" -x "$w" -y "$h" "RUNEWIDTH_EASTASIAN=0 $bin --db $work/$n.db"
	sleep 1.5
	: >"$work/$n.screen"
	# The screen after every key, then after a pause. The status line's
	# 已保存 HH:MM:SS differs between runs; nothing else may.
	for k in "${keys[@]}" ""; do
		[ -n "$k" ] && tmux -L rcmp send-keys -t "$n" "$k"
		sleep 0.4
		tmux -L rcmp capture-pane -p -e -t "$n" | sed -E 's/[0-9]{2}:[0-9]{2}:[0-9]{2}/hh:mm:ss/g' >>"$work/$n.screen"
	done
	tmux -L rcmp kill-session -t "$n"
}
status=0
for size in 80x24 200x60; do
	w=${size%x*} h=${size#*x}
	shot "a$size" "$w" "$h" "$a"
	shot "b$size" "$w" "$h" "$b"
	if cmp -s "$work/a$size.screen" "$work/b$size.screen"; then
		echo "$size: identical after each of ${#keys[@]} keys ($(wc -c <"$work/a$size.screen") bytes of screens with colours)"
	else
		echo "$size: DIFFERENT"
		diff "$work/a$size.screen" "$work/b$size.screen" | head -20
		status=1
	fi
done
exit $status
