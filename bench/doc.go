// Package bench holds the performance benchmarks of the workstation at
// 50,000 requests (issue 7): keystrokes on every screen, bytes written to
// the terminal per keystroke, table 三 and the checks, exports, the store
// against its floors, and the memory the start-up path holds. It has no
// code of its own; scripts/bench.sh runs the benchmarks and writes
// docs/BENCHMARKS.md. Benchmarks only: nothing here asserts a timing.
package bench
