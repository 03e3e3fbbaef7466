package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// guideHTML turns the user guide's Markdown into one self-contained page:
// every image a data: URL, the style sheet inline, nothing fetched from
// anywhere, so it opens from a stick on a PC without network.
func guideHTML(md []byte, dir, version string) ([]byte, error) {
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.CJK))
	doc := gm.Parser().Parse(text.NewReader(md))
	var inlineErr error
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(img.Destination)
		if strings.Contains(dest, "://") || strings.HasPrefix(dest, "data:") {
			inlineErr = fmt.Errorf("image %q is not a file beside the guide", dest)
			return ast.WalkStop, nil
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(dest)))
		if err != nil {
			inlineErr = fmt.Errorf("image %q: %w", dest, err)
			return ast.WalkStop, nil
		}
		typ := mime.TypeByExtension(strings.ToLower(filepath.Ext(dest)))
		if typ == "" {
			typ = "application/octet-stream"
		}
		img.Destination = []byte("data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(data))
		return ast.WalkContinue, nil
	})
	if inlineErr != nil {
		return nil, inlineErr
	}
	var body bytes.Buffer
	if err := gm.Renderer().Render(&body, md, doc); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err := guidePage.Execute(&out, struct {
		Version string
		Body    template.HTML
	}{version, template.HTML(body.String())})
	return out.Bytes(), err
}

var guidePage = template.Must(template.New("guide").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>年报工作台使用说明（{{.Version}}）</title>
<style>
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif;
  max-width: 52em; margin: 1em auto; padding: 0 1em; line-height: 1.7; color: #222; }
h1, h2, h3 { line-height: 1.3; }
pre { background: #f4f4f4; padding: .6em; overflow-x: auto; line-height: 1.25;
  font-family: "NSimSun", "SimSun", "Noto Sans Mono CJK SC", "WenQuanYi Zen Hei Mono", monospace; }
code { font-family: "NSimSun", "SimSun", "Noto Sans Mono CJK SC", monospace; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: .2em .5em; vertical-align: top; }
img { max-width: 100%; border: 1px solid #ccc; }
</style>
</head>
<body>
{{.Body}}
<hr>
<p>年报 {{.Version}}</p>
</body>
</html>
`))
