//go:build !linux

// Command startbench measures start-up in a pseudo-terminal; it runs on
// Linux only.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "startbench 只能在 Linux 上运行（需要伪终端）。")
	os.Exit(2)
}
