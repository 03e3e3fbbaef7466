package components

import (
	"os"
	"path/filepath"
	"strings"
)

// CleanPath undoes what a terminal adds when a file is dragged in: quotes,
// a file:// prefix, escaped spaces; ~ is the home folder.
func CleanPath(p string) string {
	p = strings.TrimSpace(p)
	if len(p) >= 2 && (p[0] == '\'' && p[len(p)-1] == '\'' || p[0] == '"' && p[len(p)-1] == '"') {
		p = p[1 : len(p)-1]
	}
	p = strings.TrimPrefix(p, "file://")
	if filepath.Separator == '/' {
		p = strings.ReplaceAll(p, `\ `, " ")
	}
	if strings.HasPrefix(p, "~/") || p == "~" {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}
