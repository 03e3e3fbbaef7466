package db

import "testing"

// TestDefaultPathForWindowsAndLinux decides where the database lives from
// what Windows or Linux would report, on any platform.
func TestDefaultPathForWindowsAndLinux(t *testing.T) {
	have := func(files ...string) func(string) bool {
		return func(p string) bool {
			for _, f := range files {
				if f == p {
					return true
				}
			}
			return false
		}
	}
	local := `C:\Users\wangxl\AppData\Local`
	cases := []struct {
		name, goos, exe, dataHome string
		exists                    func(string) bool
		want                      string
	}{
		{"windows per-user", "windows", `D:\年报\nianbao.exe`, local, have(), local + `\nianbao\nianbao.db`},
		{"windows portable on a stick", "windows", `E:\年报\nianbao.exe`, local, have(`E:\年报\portable.txt`), `E:\年报\nianbao.db`},
		{"windows portable at a drive root", "windows", `E:\nianbao.exe`, local, have(`E:\portable.txt`), `E:\nianbao.db`},
		{"windows marker elsewhere is ignored", "windows", `D:\年报\nianbao.exe`, local, have(`E:\年报\portable.txt`), local + `\nianbao\nianbao.db`},
		{"windows data folder with a trailing separator", "windows", `D:\年报\nianbao.exe`, `C:\Users\李\AppData\Local\`, have(), `C:\Users\李\AppData\Local\nianbao\nianbao.db`},
		{"windows without a data folder", "windows", `D:\年报\nianbao.exe`, "", have(), ""},
		{"linux per-user", "linux", "/opt/nianbao/nianbao", "/home/u/.local/share", have(), "/home/u/.local/share/nianbao/nianbao.db"},
		{"linux portable", "linux", "/media/u/U盘/年报/nianbao", "/home/u/.local/share", have("/media/u/U盘/年报/portable.txt"), "/media/u/U盘/年报/nianbao.db"},
		{"unknown program path", "linux", "", "/home/u/.local/share", have("/portable.txt"), "/home/u/.local/share/nianbao/nianbao.db"},
	}
	for _, c := range cases {
		if got := defaultPathFor(c.goos, c.exe, c.dataHome, c.exists); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
