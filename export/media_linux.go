//go:build linux

package export

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Drives lists writable removable media mounted under /media, /run/media or
// /mnt: the block device (or the disk it is a partition of) must say
// removable in /sys/block/*/removable.
func Drives() []Drive {
	f, err := os.Open("/proc/self/mounts")
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []Drive
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 {
			continue
		}
		dev, mnt, opts := fields[0], unescapeMount(fields[1]), fields[3]
		if !underMediaRoot(mnt) || !strings.HasPrefix(dev, "/dev/") {
			continue
		}
		if hasOpt(opts, "ro") || !removableDevice(dev) {
			continue
		}
		if syscall.Access(mnt, 2 /* W_OK */) != nil {
			continue
		}
		d := Drive{Path: mnt, Label: filepath.Base(mnt)}
		var st syscall.Statfs_t
		if syscall.Statfs(mnt, &st) == nil {
			d.Free = st.Bavail * uint64(st.Bsize)
		}
		out = append(out, d)
	}
	return out
}

func underMediaRoot(p string) bool {
	for _, root := range []string{"/media/", "/run/media/", "/mnt/"} {
		if strings.HasPrefix(p, root) {
			return true
		}
	}
	return false
}

func hasOpt(opts, want string) bool {
	for _, o := range strings.Split(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

// unescapeMount decodes the octal escapes (\040 for a space) of
// /proc/self/mounts.
func unescapeMount(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// removableDevice reports whether the block device, or the disk holding
// the partition, is marked removable.
func removableDevice(dev string) bool {
	real, err := filepath.EvalSymlinks(dev)
	if err != nil {
		real = dev
	}
	name := filepath.Base(real)
	sys, err := filepath.EvalSymlinks(filepath.Join("/sys/class/block", name))
	if err != nil {
		return false
	}
	for _, p := range []string{sys, filepath.Dir(sys)} {
		b, err := os.ReadFile(filepath.Join(p, "removable"))
		if err == nil {
			return strings.TrimSpace(string(b)) == "1"
		}
	}
	return false
}
