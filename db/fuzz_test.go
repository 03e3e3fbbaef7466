package db

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpenFile: whatever bytes a file holds, Open either opens it or
// returns a store error with a Chinese message, never panics, and a refused
// file keeps every byte.
func FuzzOpenFile(f *testing.F) {
	hdr := func(pageSize uint16, userVersion, appID uint32) []byte {
		b := make([]byte, 100)
		copy(b, sqliteMagic)
		binary.BigEndian.PutUint16(b[16:], pageSize)
		b[18], b[19], b[21], b[22], b[23] = 1, 1, 64, 32, 32
		binary.BigEndian.PutUint32(b[60:], userVersion)
		binary.BigEndian.PutUint32(b[68:], appID)
		return b
	}
	f.Add([]byte{})
	f.Add([]byte("not a database"))
	f.Add(append([]byte("PK\x03\x04"), make([]byte, 4000)...))
	f.Add(hdr(4096, 1, ApplicationID))
	f.Add(append(hdr(4096, 1, ApplicationID), make([]byte, 4096-100)...))
	f.Add(append(hdr(1024, 0, 0), bytes.Repeat([]byte{0xff}, 3000)...))
	f.Add(append(hdr(0, 99, ApplicationID), make([]byte, 8192)...))
	f.Fuzz(func(t *testing.T, content []byte) {
		path := filepath.Join(t.TempDir(), "nianbao.db")
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(context.Background(), path, Options{NoBackup: true})
		if err == nil {
			// Accepted: it must be usable.
			if _, err := s.Organs(context.Background()); err != nil {
				t.Fatalf("opened but unusable: %v", err)
			}
			s.Close()
			return
		}
		if KindOf(err) == 0 || !hasHan(err.Error()) {
			t.Fatalf("not a store error with a Chinese message: %v", err)
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(after, content) {
			t.Fatalf("refused file (%v) was altered", err)
		}
	})
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
