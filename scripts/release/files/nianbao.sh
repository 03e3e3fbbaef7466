#!/bin/sh
# nianbao launcher for Linux (统信UOS, 银河麒麟 and others): runs the
# workstation in this terminal from the folder the launcher lives in.
# Arguments are passed on, e.g. ./启动年报.sh --db /media/u/U盘/nianbao.db
here=$(cd "$(dirname "$0")" && pwd)
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
*UTF-8* | *utf8* | *UTF8* | *utf-8*) ;;
*) export LANG=zh_CN.UTF-8 ;;
esac
size=$(stty size 2>/dev/null)
rows=${size% *}
cols=${size#* }
if [ -n "$size" ] && { [ "$cols" -lt 100 ] || [ "$rows" -lt 30 ]; }; then
	printf '\033[8;30;100t'
	sleep 0.2
	size=$(stty size 2>/dev/null)
	rows=${size% *}
	cols=${size#* }
	if [ "$cols" -lt 80 ] || [ "$rows" -lt 24 ]; then
		echo "终端窗口只有 ${cols} 列 × ${rows} 行，请把窗口拉大到至少 100 列 × 30 行后再运行。"
		exit 1
	fi
fi
exec "$here/nianbao" "$@"
