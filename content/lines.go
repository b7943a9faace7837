package content

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// ParseErrorLine is the line of a TOML syntax error in src. It counts the
// lines before the error's byte offset: for a line that ends too early the
// library names the next line, while the mistake is on the line that ended.
func ParseErrorLine(src string, pe toml.ParseError) int {
	if st := pe.Position.Start; st > 0 && st <= len(src) {
		return 1 + strings.Count(src[:st], "\n")
	}
	return pe.Position.Line
}

// EndOfLine says in Dutch what the library calls '\n' in its messages.
func EndOfLine(msg string) string {
	return strings.ReplaceAll(msg, `er staat '\n'`, "de regel houdt daar op")
}

// errLine finds the line of a TOML error, 0 when the library gives none.
func errLine(src string, err error) int {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return ParseErrorLine(src, pe)
	}
	if m := lineInMsg.FindStringSubmatch(err.Error()); m != nil {
		n := 0
		fmt.Sscan(m[1], &n)
		return n
	}
	return 0
}

var lineInMsg = regexp.MustCompile(`line (\d+)`)

var lastKey = regexp.MustCompile(`last key "([^"]+)"`)

// TypeErrorLine locates a TOML error. For a value of the wrong type the
// library names the last table's key position, which in an array of tables
// is the wrong item; so find the first assignment to that key whose value
// has the wrong shape.
func TypeErrorLine(src string, err error) int {
	msg := err.Error()
	m := lastKey.FindStringSubmatch(msg)
	if m == nil || !strings.Contains(msg, "incompatible types") {
		return errLine(src, err)
	}
	parts := strings.Split(m[1], ".")
	key := regexp.QuoteMeta(parts[len(parts)-1])
	var re *regexp.Regexp
	switch {
	case strings.Contains(msg, "destination has type slice"):
		re = regexp.MustCompile(`^\s*` + key + `\s*=\s*[^\s\[]`)
	case strings.Contains(msg, "destination has type string"):
		re = regexp.MustCompile(`^\s*` + key + `\s*=\s*[^\s"']`)
	case strings.Contains(msg, "destination has type int"):
		re = regexp.MustCompile(`^\s*` + key + `\s*=\s*[^\s0-9+-]`)
	default:
		return errLine(src, err)
	}
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return errLine(src, err)
}

func tomlMessage(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Message
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "toml: ")
	if i := strings.Index(msg, "): "); i >= 0 && strings.HasPrefix(msg, "line ") {
		msg = msg[i+3:]
	}
	if strings.Contains(msg, "incompatible types") {
		return "verkeerd type waarde (" + msg + "); tekst hoort tussen aanhalingstekens, een lijst tussen [ ]"
	}
	return msg
}

// KeyLines maps every key assigned in src ("key = ...") to the line of its
// first assignment, in one pass: files with many keys stay linear.
func KeyLines(src string) map[string]int {
	out := map[string]int{}
	for i, line := range strings.Split(src, "\n") {
		if m := assignRe.FindStringSubmatch(line); m != nil {
			if _, seen := out[m[1]]; !seen {
				out[m[1]] = i + 1
			}
		}
	}
	return out
}

var assignRe = regexp.MustCompile(`^\s*"?([A-Za-z0-9_-]+)"?\s*=`)

// KeyLine finds the first line of src that assigns key (1-based, 0 when
// none), for messages about keys whose position the TOML library does not
// expose.
func KeyLine(src, key string) int {
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return 0
}

// tableLines finds the lines of each [[header]] in src.
func tableLines(src, header string) []int {
	var lines []int
	want := "[[" + header + "]]"
	for i, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(stripComment(line)) == want {
			lines = append(lines, i+1)
		}
	}
	return lines
}

func stripComment(line string) string {
	if i := strings.Index(line, "#"); i >= 0 && !strings.ContainsAny(line[:i], `"'`) {
		return line[:i]
	}
	return line
}

// field finds the line of key inside the table that starts at line from:
// fields come before any sub-table, so the search stops at the next header.
// It falls back to the table's own line. The table's lines are read once,
// for all its keys: a scan per key was one more pass per field checked.
func (l *loader) field(file string, from int, key string) int {
	if from <= 0 {
		return from
	}
	k := fieldsAt{file, from}
	keys, ok := l.fields[k]
	if !ok {
		keys = l.scanFields(file, from)
		if l.fields == nil {
			l.fields = map[fieldsAt]map[string]int{}
		}
		l.fields[k] = keys
	}
	if n, ok := keys[key]; ok {
		return n
	}
	return from
}

// fieldsAt names a table by file and first line.
type fieldsAt struct {
	file string
	from int
}

// scanFields maps each bare key of the table at line from to its line.
func (l *loader) scanFields(file string, from int) map[string]int {
	if l.lines == nil {
		l.lines = map[string][]string{}
	}
	lines, ok := l.lines[file]
	if !ok {
		lines = strings.Split(l.src[file], "\n")
		l.lines[file] = lines
	}
	keys := map[string]int{}
	for i := from; i < len(lines); i++ {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "[") {
			break
		}
		if key := bareKey(lines[i]); key != "" {
			if _, dup := keys[key]; !dup {
				keys[key] = i + 1
			}
		}
	}
	return keys
}

// bareKey returns the key of a line "key = ...", or "".
func bareKey(line string) string {
	s := strings.TrimLeft(line, " \t")
	n := 0
	for n < len(s) && (s[n] == '_' || s[n] == '-' || s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	if n == 0 || !strings.HasPrefix(strings.TrimLeft(s[n:], " \t"), "=") {
		return ""
	}
	return s[:n]
}

func at(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

var identRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
var itemIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
