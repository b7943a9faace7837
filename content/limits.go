package content

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// Limits on input, checked before the TOML library sees a file: the
// library is quadratic in the length of a dotted key, so a 60 KB file
// could take minutes and gigabytes. Real files stay far below these.
const (
	// MaxAnswersSize bounds an answers or session file.
	MaxAnswersSize = 1 << 20
	// MaxContentSize bounds one content file.
	MaxContentSize = 5 << 20
	// MaxKeyParts bounds the parts of a dotted key or table header (a.b.c).
	MaxKeyParts = 16
	// MaxNesting bounds how deep inline tables and lists nest in a value.
	MaxNesting = 8
	// MaxProblems is how many problems a message lists before "en N meer".
	MaxProblems = 20
	// maxShown is how many characters of a message are shown; longer ones
	// are shortened in the middle.
	maxShown = 300
)

// LimitError says why a file was refused before parsing.
type LimitError struct {
	Line int // 0 when the whole file is meant
	Msg  string
}

func (e *LimitError) Error() string { return e.Msg }

// sizeError is the Dutch message for a file over max bytes.
func sizeError(size int64, max int64) *LimitError {
	return &LimitError{Msg: fmt.Sprintf("het bestand is te groot (%s); het mag hoogstens %s zijn", byteSize(size), byteSize(max))}
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// CheckInput refuses data larger than max bytes or shaped so that the
// TOML library would take too long (see CheckShape). nil means: parse it.
func CheckInput(data []byte, max int64) *LimitError {
	if int64(len(data)) > max {
		return sizeError(int64(len(data)), max)
	}
	return CheckShape(data)
}

// ReadLimited reads at most max bytes from r; a larger input is refused
// without reading the rest of it.
func ReadLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		// The real size is unknown; say "more than".
		return nil, &LimitError{Msg: fmt.Sprintf("het bestand is te groot (meer dan %s); het mag hoogstens %s zijn", byteSize(max), byteSize(max))}
	}
	return data, nil
}

// readFileLimited is fs.ReadFile with a size limit checked first.
func readFileLimited(fsys fs.FS, name string, max int64) ([]byte, error) {
	if st, err := fs.Stat(fsys, name); err == nil && st.Size() > max {
		return nil, sizeError(st.Size(), max)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLimited(f, max)
}

// CheckShape refuses TOML whose keys or values would make the parser slow:
// a dotted key or table header with more than MaxKeyParts parts, or inline
// tables and lists nested deeper than MaxNesting. It is one linear pass
// that knows strings and comments, and nothing more of TOML: everything
// else is left to the library and its messages.
func CheckShape(data []byte) *LimitError {
	var (
		line     = 1
		stack    []byte // open '{' and '[' inside values
		inValue  bool   // after '=' at the top level, until the line ends
		inKey    = true // reading a key (or a table header)
		inHeader bool
		parts    = 1
		keyLine  = 1
	)
	startKey := func() { inKey, parts, keyLine = true, 1, line }
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '\n':
			line++
			if len(stack) == 0 && !inHeader {
				inValue = false
				startKey()
			}
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end, lines := skipString(data, i)
			i, line = end, line+lines
		case '.':
			if inKey {
				parts++
				if parts > MaxKeyParts {
					return &LimitError{Line: keyLine, Msg: fmt.Sprintf("een sleutel of tabelnaam heeft meer dan %d delen (a.b.c...); dat kan geen antwoorden- of inhoudsbestand zijn", MaxKeyParts)}
				}
			}
		case '=':
			if inKey && !inHeader {
				inKey = false
				if len(stack) == 0 {
					inValue = true
				}
			}
		case '[':
			if len(stack) == 0 && !inValue && !inHeader {
				// A table header: [a.b] or [[a.b]].
				inHeader = true
				startKey()
				if i+1 < len(data) && data[i+1] == '[' {
					i++
				}
				continue
			}
			stack = append(stack, '[')
			inKey = false
			if len(stack) > MaxNesting {
				return nestingError(line)
			}
		case '{':
			stack = append(stack, '{')
			if len(stack) > MaxNesting {
				return nestingError(line)
			}
			startKey()
		case ']':
			if inHeader {
				inHeader, inKey = false, false
				if i+1 < len(data) && data[i+1] == ']' {
					i++
				}
				continue
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			inKey = false
		case ',':
			if len(stack) > 0 && stack[len(stack)-1] == '{' {
				startKey()
			}
		}
	}
	return nil
}

func nestingError(line int) *LimitError {
	return &LimitError{Line: line, Msg: fmt.Sprintf("waarden zijn dieper dan %d niveaus genest ({ } of [ ] in elkaar); dat kan geen antwoorden- of inhoudsbestand zijn", MaxNesting)}
}

// skipString returns the index of the last byte of the string that starts
// at data[i] (basic or literal, single- or multi-line) and the number of
// newlines inside it. An unclosed string ends at the end of its line (or of
// the file), where the TOML library will report it.
func skipString(data []byte, i int) (end, lines int) {
	q := data[i]
	basic := q == '"'
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
		for j := i + 3; j < len(data); j++ {
			switch {
			case basic && data[j] == '\\':
				if j+1 < len(data) && data[j+1] == '\n' {
					lines++
				}
				j++
			case data[j] == '\n':
				lines++
			case data[j] == q && j+2 < len(data) && data[j+1] == q && data[j+2] == q:
				// Up to two more quotes may belong to the content.
				k := j + 3
				for n := 0; n < 2 && k < len(data) && data[k] == q; n++ {
					k++
				}
				return k - 1, lines
			}
		}
		return len(data) - 1, lines
	}
	for j := i + 1; j < len(data); j++ {
		switch {
		case basic && data[j] == '\\':
			j++
		case data[j] == '\n':
			return j - 1, 0
		case data[j] == q:
			return j, 0
		}
	}
	return len(data) - 1, 0
}

// Shorten keeps messages readable when they quote a long value: text over
// max characters keeps its start and end with "…" between.
func Shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	head := max * 2 / 3
	tail := max - head - 1
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// ShortMessage is Shorten at the length messages use.
func ShortMessage(s string) string { return Shorten(s, maxShown) }

// JoinCapped joins lines, listing the first MaxProblems and then how many
// more there are, so a broken file cannot bury the screen.
func JoinCapped(lines []string) string {
	if len(lines) <= MaxProblems {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:MaxProblems], "\n") + "\n" + More(len(lines)-MaxProblems)
}

// More is the line that ends a capped list: "en 3 meer".
func More(n int) string {
	return fmt.Sprintf("en %d meer", n)
}
