package main

import (
	"fmt"
	"strings"
)

type Reader interface{ Read() (string, bool) }
type Closer interface{ Close() error }
type ReadCloser interface {
	Reader
	Closer
}

type lines struct {
	data   []string
	closed bool
}

func (l *lines) Read() (string, bool) {
	if l.closed || len(l.data) == 0 {
		return "", false
	}
	s := l.data[0]
	l.data = l.data[1:]
	return s, true
}

func (l *lines) Close() error {
	if l.closed {
		return fmt.Errorf("already closed")
	}
	l.closed = true
	return nil
}

func drain(r Reader) []string {
	var out []string
	for {
		s, ok := r.Read()
		if !ok {
			return out
		}
		out = append(out, strings.ToUpper(s))
	}
}

func main() {
	var rc ReadCloser = &lines{data: []string{"a", "b"}}
	first, _ := rc.Read()
	fmt.Println(first, drain(rc))
	fmt.Println(rc.Close(), rc.Close())
	var c Closer = rc
	_, isReader := c.(Reader)
	fmt.Println(isReader)
}
