// gen_cases runs every case in tests/gofmt/cases_*.txt through real Go and
// writes tests/gofmt/*.expected: each case line, a TAB, and Go's result
// (escaped: \\ \t \n \r, \xHH for control bytes and invalid UTF-8).
// tests/unit/test_gofmt*.c compute the same cases through sim/gofmt.h.
// Usage: tests/gofmt/regen.sh (go run tests/gofmt/gen_cases.go DIR).
//
// Case fields are TAB-separated and use the escapes \\ \t \n \r \xHH \uHHHH
// \UHHHHHHHH. fmt cases: FORMAT then typed args (i: i8: i16: i32: i64: u:
// u8: u16: u32: u64: f: f32: s: by: b: ptr: nil; ptr is an unsafe.Pointer); FORMAT "@print"/"@println"
// selects Sprint/Sprintln.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"
)

func unesc(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case '\\':
			b.WriteByte('\\')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'x':
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(v))
			i += 2
		case 'u':
			v, _ := strconv.ParseUint(s[i+1:i+5], 16, 32)
			b.WriteRune(rune(v))
			i += 4
		case 'U':
			v, _ := strconv.ParseUint(s[i+1:i+9], 16, 32)
			b.WriteRune(rune(v))
			i += 8
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func esc(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c == 0x7f || (r == utf8.RuneError && w == 1):
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func pf(s string, bits int) float64 {
	f, err := strconv.ParseFloat(s, bits)
	must(err)
	return f
}

func pi(s string, bits int) int64 {
	v, err := strconv.ParseInt(s, 0, bits)
	must(err)
	return v
}

func pu(s string, bits int) uint64 {
	v, err := strconv.ParseUint(s, 0, bits)
	must(err)
	return v
}

func arg(a string) any {
	if a == "nil" {
		return nil
	}
	k, v, ok := strings.Cut(a, ":")
	if !ok {
		panic("bad arg " + a)
	}
	switch k {
	case "i":
		return int(pi(v, 64))
	case "i8":
		return int8(pi(v, 8))
	case "i16":
		return int16(pi(v, 16))
	case "i32":
		return int32(pi(v, 32))
	case "i64":
		return pi(v, 64)
	case "u":
		return uint(pu(v, 64))
	case "u8":
		return uint8(pu(v, 8))
	case "u16":
		return uint16(pu(v, 16))
	case "u32":
		return uint32(pu(v, 32))
	case "u64":
		return pu(v, 64)
	case "f":
		return pf(v, 64)
	case "f32":
		return float32(pf(v, 32))
	case "s":
		return unesc(v)
	case "by":
		return []byte(unesc(v))
	case "b":
		return v == "true"
	case "ptr":
		return unsafe.Pointer(uintptr(pu(v, 64)))
	}
	panic("bad arg kind " + k)
}

func fmtCase(f []string) string {
	var args []any
	for _, a := range f[1:] {
		args = append(args, arg(a))
	}
	switch f[0] {
	case "@print":
		return fmt.Sprint(args...)
	case "@println":
		return fmt.Sprintln(args...)
	}
	return fmt.Sprintf(unesc(f[0]), args...)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return " err=" + err.Error()
}

func atoi(s string) int {
	v, err := strconv.Atoi(s)
	must(err)
	return v
}

func strconvCase(f []string) string {
	a := func(i int) string { return unesc(f[i]) }
	switch f[0] {
	case "FormatFloat":
		return strconv.FormatFloat(pf(f[1], 64), f[2][0], atoi(f[3]), atoi(f[4]))
	case "FormatInt":
		return strconv.FormatInt(pi(f[1], 64), atoi(f[2]))
	case "FormatUint":
		return strconv.FormatUint(pu(f[1], 64), atoi(f[2]))
	case "Itoa":
		return strconv.Itoa(int(pi(f[1], 64)))
	case "ParseInt":
		v, err := strconv.ParseInt(a(1), atoi(f[2]), atoi(f[3]))
		return fmt.Sprint(v) + errText(err)
	case "ParseUint":
		v, err := strconv.ParseUint(a(1), atoi(f[2]), atoi(f[3]))
		return fmt.Sprint(v) + errText(err)
	case "Atoi":
		v, err := strconv.Atoi(a(1))
		return fmt.Sprint(v) + errText(err)
	case "ParseFloat":
		v, err := strconv.ParseFloat(a(1), atoi(f[2]))
		return strconv.FormatFloat(v, 'g', -1, 64) + errText(err)
	case "ParseBool":
		v, err := strconv.ParseBool(a(1))
		return fmt.Sprint(v) + errText(err)
	case "Quote":
		return strconv.Quote(a(1))
	case "QuoteToASCII":
		return strconv.QuoteToASCII(a(1))
	case "QuoteRune":
		return strconv.QuoteRune(rune(pi(f[1], 32)))
	case "QuoteRuneToASCII":
		return strconv.QuoteRuneToASCII(rune(pi(f[1], 32)))
	case "CanBackquote":
		return fmt.Sprint(strconv.CanBackquote(a(1)))
	case "Unquote":
		v, err := strconv.Unquote(a(1))
		return v + errText(err)
	}
	panic("unknown strconv case " + f[0])
}

func timeCase(f []string) string {
	switch f[0] {
	case "Duration":
		return time.Duration(pi(f[1], 64)).String()
	case "Format":
		return time.Unix(pi(f[1], 64), pi(f[2], 64)).UTC().Format(unesc(f[3]))
	case "String":
		return time.Unix(pi(f[1], 64), pi(f[2], 64)).UTC().String()
	case "Month":
		return time.Month(pi(f[1], 64)).String()
	case "Weekday":
		return time.Weekday(pi(f[1], 64)).String()
	}
	panic("unknown time case " + f[0])
}

func stringsCase(f []string) string {
	a := func(i int) string { return unesc(f[i]) }
	switch f[0] {
	case "ToUpper":
		return strings.ToUpper(a(1))
	case "ToLower":
		return strings.ToLower(a(1))
	case "Title":
		return strings.Title(a(1))
	case "ToTitle":
		return strings.ToTitle(a(1))
	case "IndexAny":
		return fmt.Sprint(strings.IndexAny(a(1), a(2)))
	case "ContainsAny":
		return fmt.Sprint(strings.ContainsAny(a(1), a(2)))
	case "Repeat":
		return strings.Repeat(a(1), atoi(f[2]))
	case "Replace":
		return strings.Replace(a(1), a(2), a(3), atoi(f[4]))
	case "Join":
		var elems []string
		for i := 2; i < len(f); i++ {
			elems = append(elems, a(i))
		}
		return strings.Join(elems, a(1))
	case "Fields":
		return fmt.Sprintf("%q", strings.Fields(a(1)))
	case "Split":
		return fmt.Sprintf("%q", strings.Split(a(1), a(2)))
	case "SplitN":
		return fmt.Sprintf("%q", strings.SplitN(a(1), a(2), atoi(f[3])))
	case "TrimSpace":
		return strings.TrimSpace(a(1))
	case "Trim":
		return strings.Trim(a(1), a(2))
	case "TrimLeft":
		return strings.TrimLeft(a(1), a(2))
	case "TrimRight":
		return strings.TrimRight(a(1), a(2))
	case "TrimPrefix":
		return strings.TrimPrefix(a(1), a(2))
	case "TrimSuffix":
		return strings.TrimSuffix(a(1), a(2))
	case "Index":
		return fmt.Sprint(strings.Index(a(1), a(2)))
	case "LastIndex":
		return fmt.Sprint(strings.LastIndex(a(1), a(2)))
	case "IndexRune":
		return fmt.Sprint(strings.IndexRune(a(1), rune(pi(f[2], 32))))
	case "Contains":
		return fmt.Sprint(strings.Contains(a(1), a(2)))
	case "ContainsRune":
		return fmt.Sprint(strings.ContainsRune(a(1), rune(pi(f[2], 32))))
	case "Count":
		return fmt.Sprint(strings.Count(a(1), a(2)))
	case "HasPrefix":
		return fmt.Sprint(strings.HasPrefix(a(1), a(2)))
	case "HasSuffix":
		return fmt.Sprint(strings.HasSuffix(a(1), a(2)))
	case "EqualFold":
		return fmt.Sprint(strings.EqualFold(a(1), a(2)))
	case "Compare":
		return fmt.Sprint(strings.Compare(a(1), a(2)))
	case "RuneCount":
		return fmt.Sprint(utf8.RuneCountInString(a(1)))
	}
	panic("unknown strings case " + f[0])
}

func run(dir, name string, fn func([]string) string) {
	in, err := os.Open(filepath.Join(dir, "cases_"+name+".txt"))
	must(err)
	defer in.Close()
	out, err := os.Create(filepath.Join(dir, name+".expected"))
	must(err)
	defer out.Close()
	w := bufio.NewWriter(out)
	defer w.Flush()
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fmt.Fprintf(w, "%s\t%s\n", line, esc(fn(strings.Split(line, "\t"))))
	}
	must(sc.Err())
}

func main() {
	dir := os.Args[1]
	run(dir, "fmt", fmtCase)
	run(dir, "strconv", strconvCase)
	run(dir, "time", timeCase)
	run(dir, "strings", stringsCase)
}
