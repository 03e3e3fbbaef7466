package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// manifestMatches checks that every file 校验清单.txt lists is in dir with
// the listed SHA-256; it returns false with a reason when not.
func manifestMatches(t *testing.T, dir string) (bool, string) {
	t.Helper()
	m, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, os.ErrNotExist) {
		return true, "no manifest"
	}
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(m), "\r\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[2]) != 64 {
			continue
		}
		n++
		b, err := os.ReadFile(filepath.Join(dir, f[0]))
		if err != nil {
			return false, "listed " + f[0] + " is not there"
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f[2] {
			return false, "listed " + f[0] + " has another SHA-256 on the stick"
		}
	}
	if n == 0 {
		return false, "manifest lists no file"
	}
	return true, ""
}

// Item 12: an --overwrite export that fills the stick half-way does not
// leave the old checksum list beside new files it no longer describes.
func TestOverwriteOnFullStickLeavesNoStaleManifest(t *testing.T) {
	stick := smallStick(t, "1m")
	oy := fixture2021()
	opt := Options{Formats: []string{"docx", "html", "txt", "md"}, Dir: stick, Version: "test",
		Now: time.Date(2023, 1, 20, 9, 0, 0, 0, time.UTC)}
	if _, err := Run(context.Background(), oy, opt, nil); err != nil {
		t.Fatal(err)
	}
	if ok, why := manifestMatches(t, stick); !ok {
		t.Fatalf("first export: %s", why)
	}
	oy.Organ.Phone = "0470-7777777" // the report changed since
	opt.Overwrite = true
	opt.Now = opt.Now.Add(time.Hour)
	filled := false
	_, err := Run(context.Background(), oy, opt, func(p Progress) {
		if p.Done && p.Format == "docx" && !filled {
			filled = true // the stick fills up after the first file
			f, _ := os.Create(filepath.Join(stick, "别的文件.bin"))
			chunk := make([]byte, 4096)
			for {
				if _, err := f.Write(chunk); err != nil {
					break
				}
			}
			f.Close()
		}
	})
	var me *MediaError
	if !errors.As(err, &me) || me.Kind != ErrNoSpace {
		t.Fatalf("export onto the full stick: %v", err)
	}
	if ok, why := manifestMatches(t, stick); !ok {
		t.Fatalf("after the failed overwrite: %s", why)
	}
}

// Item 13: the stick pulled out and put back during an export (a fresh
// file system under the same folder): the export does not end with success
// and no checksum list names a file that is not on the stick.
func TestStickReplugDuringExport(t *testing.T) {
	stick := smallStick(t, "1m")
	oy := fixture2021()
	opt := Options{Formats: []string{"docx", "html", "txt"}, Dir: stick, Version: "test",
		Now: time.Date(2023, 1, 20, 9, 0, 0, 0, time.UTC)}
	replugged := false
	_, err := Run(context.Background(), oy, opt, func(p Progress) {
		if p.Done && p.Format == "docx" && !replugged {
			replugged = true
			if err := syscall.Unmount(stick, syscall.MNT_DETACH); err != nil {
				t.Errorf("unmount: %v", err)
			}
			if err := syscall.Mount("tmpfs", stick, "tmpfs", 0, "size=1m,mode=0755"); err != nil {
				t.Errorf("mount: %v", err)
			}
		}
	})
	if !replugged {
		t.Fatal("progress never reported the docx")
	}
	var me *MediaError
	if !errors.As(err, &me) || me.Kind != ErrGone || !strings.Contains(me.Msg, "插上") {
		t.Fatalf("export across a re-plug: %v, want the stick-was-replugged message", err)
	}
	if ok, why := manifestMatches(t, stick); !ok {
		t.Fatalf("after the re-plug: %s", why)
	}
}

// Item 13: the read-back drops the file's cached pages first, so it reads
// from the medium: after dropCache no page of a synced file on disk is in
// memory (mincore), where a plain read would find them all there.
func TestReadBackDropsCachedPages(t *testing.T) {
	dir, err := os.MkdirTemp("/var/tmp", "readback")
	if err != nil {
		t.Skipf("no disk-backed folder: %v", err)
	}
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, "f.bin")
	data := make([]byte, 64*4096)
	for i := range data {
		data[i] = byte(i)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(p)
	defer f.Close()
	f.Sync()
	resident := func() int {
		m, err := syscall.Mmap(int(f.Fd()), 0, len(data), syscall.PROT_READ, syscall.MAP_SHARED)
		if err != nil {
			t.Fatal(err)
		}
		defer syscall.Munmap(m)
		vec := make([]byte, len(data)/4096)
		if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, uintptr(unsafePointer(m)), uintptr(len(m)), uintptr(unsafePointer(vec))); e != 0 {
			t.Skipf("mincore: %v", e)
		}
		n := 0
		for _, v := range vec {
			n += int(v & 1)
		}
		return n
	}
	if r := resident(); r == 0 {
		t.Skip("this file system keeps no page cache to drop (e.g. tmpfs-like); nothing to compare")
	}
	if err := dropCache(f); err != nil {
		t.Fatal(err)
	}
	if r := resident(); r != 0 {
		t.Fatalf("%d of %d pages still cached after dropCache: the read-back would come from memory", r, len(data)/4096)
	}
	var back bytes.Buffer
	if err := readFromMedium(p, &back); err != nil || back.Len() != len(data) {
		t.Fatalf("readFromMedium: %d bytes, %v", back.Len(), err)
	}
}

func unsafePointer(b []byte) unsafe.Pointer { return unsafe.Pointer(&b[0]) }
