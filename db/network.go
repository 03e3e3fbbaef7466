package db

import "strings"

func networkErr(path string) *Error {
	return newErr(ErrNetworkDrive, nil, "数据库「%s」位于网络共享文件夹上。网络断开时数据可能损坏，年报程序不在网络位置上保存数据库。请把数据库放在本机磁盘或U盘上。", path)
}

// isUNCPath reports a Windows network path (\\server\share or //server/share).
// A Win32 long path (\\?\C:\…) is local unless it is \\?\UNC\….
func isUNCPath(p string) bool {
	if strings.HasPrefix(p, `\\?\`) || strings.HasPrefix(p, `\\.\`) || strings.HasPrefix(p, `//?/`) || strings.HasPrefix(p, `//./`) {
		return strings.HasPrefix(strings.ToUpper(p[4:]), `UNC\`) || strings.HasPrefix(strings.ToUpper(p[4:]), `UNC/`)
	}
	return strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//")
}

// networkFSTypes are Linux file-system types of network mounts.
var networkFSTypes = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb": true, "smb2": true, "smb3": true, "smbfs": true,
	"ncpfs": true, "afs": true, "9p": true, "ceph": true, "glusterfs": true, "fuse.sshfs": true,
	"sshfs": true, "davfs": true, "fuse.davfs": true, "fuse.glusterfs": true,
}

// mountFSType returns the file-system type of the mount holding path,
// reading /proc/self/mountinfo text: the longest mount point that is a
// prefix of path wins.
func mountFSType(mountinfo, path string) string {
	best, bestType := -1, ""
	for _, line := range strings.Split(mountinfo, "\n") {
		f := strings.Fields(line)
		if len(f) < 7 {
			continue
		}
		sep := -1
		for i := 6; i < len(f); i++ {
			if f[i] == "-" {
				sep = i
				break
			}
		}
		if sep < 0 || sep+1 >= len(f) {
			continue
		}
		mp := unescapeMount(f[4])
		if !(path == mp || mp == "/" || strings.HasPrefix(path, mp+"/")) {
			continue
		}
		if len(mp) > best {
			best, bestType = len(mp), f[sep+1]
		}
	}
	return bestType
}

func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			v := 0
			ok := true
			for _, c := range s[i+1 : i+4] {
				if c < '0' || c > '7' {
					ok = false
					break
				}
				v = v*8 + int(c-'0')
			}
			if ok {
				b.WriteByte(byte(v))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
