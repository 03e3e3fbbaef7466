#!/bin/sh
# render-check.sh — render exported .docx reports to PNG pages for checking
# the layout by eye (margins, fonts, merged cells, page numbers).
#
# Usage:
#   scripts/render-check.sh [report.docx ...]
#
# With no arguments it builds nianbao, writes the demo organ-years into a
# temporary database, exports the 2019 and 2021 demo reports as .docx and
# renders those. Output goes to ./render-check/<name>/page-N.png (override
# with OUT=dir). Needs LibreOffice (soffice or libreoffice) and pdftoppm
# (poppler-utils).
set -eu

OUT=${OUT:-render-check}
DPI=${DPI:-80}

office=""
for c in soffice libreoffice; do
	if command -v "$c" >/dev/null 2>&1; then office=$c; break; fi
done
if [ -z "$office" ]; then
	echo "render-check: LibreOffice (soffice) is not installed; install it (e.g. apt-get install libreoffice-writer) to render pages." >&2
	exit 2
fi
if ! command -v pdftoppm >/dev/null 2>&1; then
	echo "render-check: pdftoppm is not installed; install poppler-utils." >&2
	exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -eq 0 ]; then
	root=$(cd "$(dirname "$0")/.." && pwd)
	(cd "$root" && go build -o "$work/nianbao" ./cmd/nianbao)
	"$work/nianbao" demo --db "$work/demo.db" >/dev/null
	mkdir -p "$work/docx"
	for y in 2019 2021; do
		"$work/nianbao" export --db "$work/demo.db" --organ 大雁镇人民政府 --year "$y" \
			--format docx --out "$work/docx" --force --overwrite >/dev/null
	done
	set -- "$work"/docx/*.docx
fi

mkdir -p "$OUT"
for f in "$@"; do
	name=$(basename "$f" .docx)
	dest="$OUT/$name"
	mkdir -p "$dest"
	"$office" -env:UserInstallation="file://$work/profile" --headless --norestore \
		--convert-to pdf --outdir "$work/pdf" "$f" >/dev/null
	pdf="$work/pdf/$name.pdf"
	if [ ! -s "$pdf" ]; then
		echo "render-check: LibreOffice did not convert $f" >&2
		exit 1
	fi
	cp "$pdf" "$dest/$name.pdf"
	pdftoppm -r "$DPI" -png "$pdf" "$dest/page"
	echo "$f -> $dest ($(ls "$dest"/page*.png | wc -l) pages)"
done
