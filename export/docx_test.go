package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"testing"
)

// node is a generic XML element.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
}

func (n node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n node) child(local string) *node {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local {
			return &n.Nodes[i]
		}
	}
	return nil
}

func walk(n node, fn func(node)) {
	fn(n)
	for _, c := range n.Nodes {
		walk(c, fn)
	}
}

// TestDocxPartsAreWellFormedAndTablesConsistent parses every part and checks
// what Word refuses to open: each table row must cover exactly the grid's
// columns, and a vertical merge must continue in the rows below its start.
func TestDocxPartsAreWellFormedAndTablesConsistent(t *testing.T) {
	for _, fx := range fixtures {
		b, err := RenderDocx(Build(fx.oy(), BuildOptions{Today: today, Draft: true}))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		var doc node
		for _, f := range zr.File {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			var n node
			if err := xml.Unmarshal(data, &n); err != nil {
				t.Fatalf("%s: %s is not well-formed XML: %v", fx.name, f.Name, err)
			}
			if f.Name == "word/document.xml" {
				doc = n
			}
			if f.Modified.Year() != 2020 {
				t.Errorf("%s: %s has a varying timestamp %v", fx.name, f.Name, f.Modified)
			}
		}
		tablesSeen := 0
		walk(doc, func(n node) {
			if n.XMLName.Local != "tbl" {
				return
			}
			tablesSeen++
			cols := 0
			if g := n.child("tblGrid"); g != nil {
				cols = len(g.Nodes)
			}
			// open[c] is true while a vertical merge started above column c.
			open := make([]bool, cols)
			for ri, tr := range n.Nodes {
				if tr.XMLName.Local != "tr" {
					continue
				}
				c := 0
				for _, tc := range tr.Nodes {
					if tc.XMLName.Local != "tc" {
						continue
					}
					span := 1
					merge, hasMerge := "", false
					if pr := tc.child("tcPr"); pr != nil {
						if gs := pr.child("gridSpan"); gs != nil {
							span, _ = strconv.Atoi(gs.attr("val"))
						}
						if vm := pr.child("vMerge"); vm != nil {
							hasMerge = true
							merge = vm.attr("val")
						}
					}
					if c+span > cols {
						t.Fatalf("%s: row %d overflows the %d grid columns", fx.name, ri, cols)
					}
					switch {
					case hasMerge && merge == "restart":
						open[c] = true
					case hasMerge:
						if !open[c] {
							t.Errorf("%s: row %d col %d continues a merge that never started", fx.name, ri, c)
						}
					default:
						open[c] = false
					}
					c += span
				}
				if c != cols {
					t.Errorf("%s: row %d covers %d of %d grid columns", fx.name, ri, c, cols)
				}
			}
		})
		if tablesSeen != 3 {
			t.Errorf("%s: %d tables in the docx, want 3", fx.name, tablesSeen)
		}
	}
}

func TestDocxColumnWidthsFillTheLineAndFitTwoCharacters(t *testing.T) {
	for _, tb := range tables(Build(fixture2021(), BuildOptions{Today: today})) {
		g := tb.Layout()
		ws := docxColumnWidths(g, tb.HeaderRows)
		sum := 0
		for c, w := range ws {
			sum += w
			if w < 2*210+120 {
				t.Errorf("column %d is %d twips, too narrow for two characters of 10.5 pt", c, w)
			}
		}
		if sum != textWidthTwip {
			t.Errorf("columns add up to %d twips, the text block is %d", sum, textWidthTwip)
		}
	}
}
