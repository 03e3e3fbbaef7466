package termsafe

import (
	"bytes"
	"io"
	"sync"
)

// Writer passes what is written to it on to a terminal (or a file) line by
// line through Text, so no escape sequence, control, bidi or zero-width
// character written from data reaches it, even one split across two writes.
// Flush writes an unfinished last line.
type Writer struct {
	mu  sync.Mutex
	w   io.Writer
	buf []byte
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write cleans and passes on every complete line; the rest waits for its
// line break or Flush. It reports len(p) written unless w fails.
func (c *Writer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf = append(c.buf, p...)
	i := bytes.LastIndexByte(c.buf, '\n')
	if i < 0 {
		return len(p), nil
	}
	out := Text(string(c.buf[:i+1]))
	c.buf = append(c.buf[:0], c.buf[i+1:]...)
	if _, err := io.WriteString(c.w, out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is left after the last line break.
func (c *Writer) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.buf) == 0 {
		return nil
	}
	out := Text(string(c.buf))
	c.buf = c.buf[:0]
	_, err := io.WriteString(c.w, out)
	return err
}
