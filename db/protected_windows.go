package db

import "os"

// dirWritable reports whether files can be created in dir: a write-
// protected stick refuses a new file.
func dirWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".nianbao-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
