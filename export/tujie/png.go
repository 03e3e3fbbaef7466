package tujie

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strconv"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// PNGScale is how many image pixels one CSS pixel of the page becomes:
// 750 px × 2 = 1500 px wide, sharp on a portal and on a phone.
const PNGScale = 2

// PageScene stacks the whole page as one scene for the PNG, in the order
// and with the headings, notes, data tables and measures of the html page.
func PageScene(p *Page) Scene {
	s := Scene{W: PageWidth}
	x := float64(PageMargin)
	y := float64(PageMargin)
	put := func(o Scene) {
		for _, it := range o.Items {
			it.X += x
			it.X2 += x
			it.Y += y
			it.Y2 += y
			s.Items = append(s.Items, it)
		}
		y += o.H
	}
	para := func(text string, size float64, color string, bold bool) {
		var o Scene
		for i, l := range Wrap(text, size, ContentWidth) {
			o.text(0, float64(i)*size*1.6+size, l, size, Start, color, bold)
			o.H = float64(i+1) * size * 1.6
		}
		put(o)
	}
	heading := func(text string) {
		y += 26
		var o Scene
		o.rect(0, 0, 6, 28, FillMain, false)
		o.text(14, 21, text, 19, Start, colText, true)
		o.H = 38
		put(o)
	}
	put(BandScene(p))
	for _, sec := range p.Sections {
		heading(sec.Heading)
		for _, c := range sec.Charts {
			y += 4
			para(c.Title, 16, colText, true)
			y += 6
			put(ChartScene(c))
			if c.Note != "" {
				para(c.Note, 13, colMuted, false)
			}
			y += 6
			para("数据表："+c.Title, 13, colMuted, false)
			y += 2
			put(TableScene(TableOf(c)))
			y += 16
		}
	}
	heading(MeasuresHeading)
	if len(p.Measures) == 0 {
		para("本年度未登记改进措施。", 14, colText, false)
	} else {
		put(MeasuresScene(p.Measures))
	}
	y += 18
	var rule Scene
	rule.line(0, 0, ContentWidth, 0)
	rule.H = 8
	put(rule)
	para(p.Footer, 12, colMuted, false)
	s.H = math.Ceil(y + PageMargin)
	return s
}

// RenderPNG draws the page as one long PNG with font, PNGScale pixels per
// CSS pixel.
func RenderPNG(p *Page, fnt *Font) ([]byte, error) {
	s := PageScene(p)
	const k = PNGScale
	img := image.NewRGBA(image.Rect(0, 0, int(s.W*k), int(s.H*k)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	r := &rasterizer{img: img, font: fnt, faces: map[float64]font.Face{}}
	for _, it := range s.Items {
		switch {
		case it.Line:
			r.line(it)
		case it.Text != "":
			if err := r.text(it); err != nil {
				return nil, err
			}
		default:
			r.rect(it)
		}
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

type rasterizer struct {
	img   *image.RGBA
	font  *Font
	faces map[float64]font.Face
}

func hexColor(s string) color.RGBA {
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{0, 0, 0, 255}
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.RGBA{0, 0, 0, 255}
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

func px(f float64) int { return int(math.Round(f * PNGScale)) }

func (r *rasterizer) rect(it Item) {
	box := image.Rect(px(it.X), px(it.Y), px(it.X+it.W), px(it.Y+it.H))
	switch it.Fill {
	case FillMain:
		draw.Draw(r.img, box, image.NewUniform(hexColor(colMain)), image.Point{}, draw.Src)
	case FillSub:
		draw.Draw(r.img, box, image.NewUniform(hexColor(colSub)), image.Point{}, draw.Src)
	case FillBand:
		draw.Draw(r.img, box, image.NewUniform(hexColor(colBand)), image.Point{}, draw.Src)
	case FillTile:
		draw.Draw(r.img, box, image.NewUniform(hexColor(colTile)), image.Point{}, draw.Src)
	case FillHatch:
		// Diagonal stripes like the SVG pattern: 6 CSS px apart, 2.5 wide.
		ink := hexColor(colHatch)
		period := 6 * PNGScale * math.Sqrt2
		for y := box.Min.Y; y < box.Max.Y; y++ {
			for x := box.Min.X; x < box.Max.X; x++ {
				if math.Mod(float64(x+y), period) < 2.5*PNGScale*math.Sqrt2 {
					r.img.SetRGBA(x, y, ink)
				} else {
					r.img.SetRGBA(x, y, color.RGBA{255, 255, 255, 255})
				}
			}
		}
	}
	if it.Stroke {
		c := image.NewUniform(hexColor(colRule))
		w := PNGScale / 2
		if w < 1 {
			w = 1
		}
		draw.Draw(r.img, image.Rect(box.Min.X, box.Min.Y, box.Max.X, box.Min.Y+w), c, image.Point{}, draw.Src)
		draw.Draw(r.img, image.Rect(box.Min.X, box.Max.Y-w, box.Max.X, box.Max.Y), c, image.Point{}, draw.Src)
		draw.Draw(r.img, image.Rect(box.Min.X, box.Min.Y, box.Min.X+w, box.Max.Y), c, image.Point{}, draw.Src)
		draw.Draw(r.img, image.Rect(box.Max.X-w, box.Min.Y, box.Max.X, box.Max.Y), c, image.Point{}, draw.Src)
	}
}

// line draws a horizontal or vertical rule.
func (r *rasterizer) line(it Item) {
	w := PNGScale / 2
	if w < 1 {
		w = 1
	}
	x0, y0, x1, y1 := px(it.X), px(it.Y), px(it.X2), px(it.Y2)
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	draw.Draw(r.img, image.Rect(x0, y0, x1+w, y1+w), image.NewUniform(hexColor(colRule)), image.Point{}, draw.Src)
}

func (r *rasterizer) face(size float64) (font.Face, error) {
	if f, ok := r.faces[size]; ok {
		return f, nil
	}
	f, err := opentype.NewFace(r.font.f, &opentype.FaceOptions{Size: size * PNGScale, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	r.faces[size] = f
	return f, nil
}

func (r *rasterizer) text(it Item) error {
	face, err := r.face(it.Size)
	if err != nil {
		return err
	}
	d := font.Drawer{Dst: r.img, Src: image.NewUniform(hexColor(it.Color)), Face: face}
	w := d.MeasureString(it.Text)
	x := fixed.Int26_6(math.Round(it.X * PNGScale * 64))
	switch it.Anchor {
	case Middle:
		x -= w / 2
	case End:
		x -= w
	}
	y := fixed.Int26_6(math.Round(it.Y * PNGScale * 64))
	d.Dot = fixed.Point26_6{X: x, Y: y}
	d.DrawString(it.Text)
	if it.Bold {
		// The regular face drawn again a little to the right reads as bold.
		d.Dot = fixed.Point26_6{X: x + fixed.Int26_6(it.Size*PNGScale*64/28), Y: y}
		d.DrawString(it.Text)
	}
	return nil
}
