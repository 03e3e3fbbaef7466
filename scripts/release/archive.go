package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io/fs"
	"path"
	"sort"
	"time"
)

// entry is one file of an archive, inside its top folder.
type entry struct {
	name string
	data []byte
	mode fs.FileMode
}

// sortedEntries returns entries ordered by name, so archives do not depend
// on the order they were listed in.
func sortedEntries(entries []entry) []entry {
	out := append([]entry(nil), entries...)
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// zipArchive packs entries under the folder dir. Names are stored as UTF-8
// (archive/zip sets the language-encoding flag for them), so Windows'
// “全部解压缩” shows 启动年报.bat as such; every time is when.
func zipArchive(dir string, entries []entry, when time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	h := &zip.FileHeader{Name: dir + "/", Modified: when}
	h.SetMode(fs.ModeDir | 0o755)
	if _, err := zw.CreateHeader(h); err != nil {
		return nil, err
	}
	for _, e := range sortedEntries(entries) {
		h := &zip.FileHeader{Name: path.Join(dir, e.name), Method: zip.Deflate, Modified: when}
		h.SetMode(e.mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// tarGzArchive packs entries under the folder dir as a gzip-compressed
// PAX tar owned by root, every time when.
func tarGzArchive(dir string, entries []entry, when time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	hdr := func(name string, mode fs.FileMode, size int64, flag byte) *tar.Header {
		return &tar.Header{Name: name, Mode: int64(mode.Perm()), Size: size, Typeflag: flag, ModTime: when,
			Uname: "root", Gname: "root", Format: tar.FormatPAX}
	}
	if err := tw.WriteHeader(hdr(dir+"/", 0o755, 0, tar.TypeDir)); err != nil {
		return nil, err
	}
	for _, e := range sortedEntries(entries) {
		if err := tw.WriteHeader(hdr(path.Join(dir, e.name), e.mode, int64(len(e.data)), tar.TypeReg)); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
