package export

import (
	"errors"

	"nianbao/export/tujie"
	"nianbao/model"
)

// renderTujie lays out the 图解 once and draws it as html and, with a
// Chinese font, as PNG. Without a usable font it returns the html alone and
// a note saying why there is no PNG and how to get one.
func renderTujie(oy *model.OrganYear, opt Options) (outs [][]byte, note string, err error) {
	page := tujie.Build(tujie.Input{OY: oy, Calendar: opt.Calendar, Draft: opt.Draft})
	outs = [][]byte{tujie.RenderHTML(page)}
	fnt, ferr := tujie.FindFont(opt.Font)
	if ferr != nil {
		if errors.Is(ferr, tujie.ErrNoFont) {
			return outs, "本机没有找到可用的中文字体，图解只写出了网页（.html），没有写出长图（.png）。" +
				"可安装中文字体，或用 --font 指定字体文件（如 C:\\Windows\\Fonts\\msyh.ttc）后再导出。", nil
		}
		return outs, ferr.Error() + "。图解只写出了网页（.html），没有写出长图（.png）。", nil
	}
	img, err := tujie.RenderPNG(page, fnt)
	if err != nil {
		return outs, "图解长图（.png）未能生成：" + err.Error() + "。已写出网页（.html）。", nil
	}
	return append(outs, img), "", nil
}
