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
	// MaxAnswersSize bounds an answers or session file (a real one is a
	// few kB; vergelijk reads 40 of them).
	MaxAnswersSize = 256 << 10
	// MaxContentSize bounds one content file.
	MaxContentSize = 1 << 20
	// MaxKeyParts bounds the parts of a dotted key or table header (a.b.c);
	// real files use two at most ([[vraag.optie]], antwoorden.vorm).
	MaxKeyParts = 4
	// MaxAnswersKeys bounds the keys and table headers of an answers or
	// session file (one per question: a few dozen); the TOML library's
	// time and memory grow with each key.
	MaxAnswersKeys = 500
	// MaxContentKeys bounds the keys and table headers of one content file
	// (the largest built-in file has about 400).
	MaxContentKeys = 5000
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

// CheckInput refuses an answers or session file larger than max bytes or
// shaped so that the TOML library would take too long (see checkShape,
// with at most MaxAnswersKeys keys). nil means: parse it.
func CheckInput(data []byte, max int64) *LimitError {
	if int64(len(data)) > max {
		return sizeError(int64(len(data)), max)
	}
	return checkShape(data, MaxAnswersKeys)
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

// readFileLimited is fs.ReadFile with a size limit checked first. Only a
// regular file is opened: a FIFO would make the program wait for ever, a
// device could be endless, and a folder gets a Dutch message.
func readFileLimited(fsys fs.FS, name string, max int64) ([]byte, error) {
	if st, err := fs.Stat(fsys, name); err == nil {
		switch {
		case st.IsDir():
			return nil, &LimitError{Msg: "dit is een map, geen bestand; een inhoudsmap heeft hier een TOML-bestand nodig"}
		case !st.Mode().IsRegular():
			return nil, &LimitError{Msg: "dit is geen gewoon bestand maar een apparaat, pipe of socket; een inhoudsmap heeft hier een gewoon TOML-bestand nodig"}
		case st.Size() > max:
			return nil, sizeError(st.Size(), max)
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLimited(f, max)
}

// CheckShape refuses content TOML whose keys or values would make the
// parser slow (see checkShape), with at most MaxContentKeys keys.
func CheckShape(data []byte) *LimitError { return checkShape(data, MaxContentKeys) }

// checkShape refuses TOML that would make the parser slow: a dotted key or
// table header with more than MaxKeyParts parts, more than maxKeys keys,
// table headers and list items (the library's cost grows with each), or inline tables and
// lists nested deeper than MaxNesting. It is one linear pass that knows
// strings and comments, and nothing more of TOML: everything else is left
// to the library and its messages.
func checkShape(data []byte, maxKeys int) *LimitError {
	s := shapeScanner{data: data, line: 1, maxKeys: maxKeys}
	s.startKey()
	for s.i = 0; s.i < len(data); s.i++ {
		if err := s.step(data[s.i]); err != nil {
			return err
		}
	}
	return nil
}

// shapeScanner is the state of checkShape.
type shapeScanner struct {
	data     []byte
	i        int
	line     int
	stack    []byte // open '{' and '[' inside values
	inValue  bool   // after '=' at the top level, until the line ends
	inKey    bool   // reading a key (or a table header)
	inHeader bool
	parts    int
	keyLine  int
	keys     int // keys, table headers and list items so far
	maxKeys  int
}

func (s *shapeScanner) startKey() { s.inKey, s.parts, s.keyLine = true, 1, s.line }

// countKey counts one key or table header against the limit.
func (s *shapeScanner) countKey() *LimitError {
	s.keys++
	if s.keys > s.maxKeys {
		return &LimitError{Line: s.line, Msg: fmt.Sprintf("het bestand heeft meer dan %d sleutels, tabelnamen en lijstwaarden; dat kan geen antwoorden- of inhoudsbestand zijn", s.maxKeys)}
	}
	return nil
}

func (s *shapeScanner) step(c byte) *LimitError {
	data := s.data
	switch c {
	case '\n':
		s.line++
		if len(s.stack) == 0 && !s.inHeader {
			s.inValue = false
			s.startKey()
		}
	case '#':
		for s.i+1 < len(data) && data[s.i+1] != '\n' {
			s.i++
		}
	case '"', '\'':
		end, lines := skipString(data, s.i)
		s.i, s.line = end, s.line+lines
	case '.':
		if s.inKey {
			s.parts++
			if s.parts > MaxKeyParts {
				return &LimitError{Line: s.keyLine, Msg: fmt.Sprintf("een sleutel of tabelnaam heeft meer dan %d delen (a.b.c...); dat kan geen antwoorden- of inhoudsbestand zijn", MaxKeyParts)}
			}
		}
	case '=':
		if s.inKey && !s.inHeader {
			s.inKey = false
			if len(s.stack) == 0 {
				s.inValue = true
			}
			return s.countKey()
		}
	case '[', '{':
		return s.open(c)
	case ']', '}':
		s.close(c)
	case ',':
		if len(s.stack) > 0 && s.stack[len(s.stack)-1] == '{' {
			s.startKey()
		} else if len(s.stack) > 0 {
			// A list item: the library's cost grows with these too.
			return s.countKey()
		}
	}
	return nil
}

// open handles '[' and '{': a table header, or a list or inline table.
func (s *shapeScanner) open(c byte) *LimitError {
	if c == '[' && len(s.stack) == 0 && !s.inValue && !s.inHeader {
		// A table header: [a.b] or [[a.b]].
		s.inHeader = true
		s.startKey()
		if s.i+1 < len(s.data) && s.data[s.i+1] == '[' {
			s.i++
		}
		return s.countKey()
	}
	s.stack = append(s.stack, c)
	if c == '[' {
		s.inKey = false
	} else {
		s.startKey()
	}
	if len(s.stack) > MaxNesting {
		return nestingError(s.line)
	}
	return nil
}

// close handles ']' and '}'.
func (s *shapeScanner) close(c byte) {
	if c == ']' && s.inHeader {
		s.inHeader, s.inKey = false, false
		if s.i+1 < len(s.data) && s.data[s.i+1] == ']' {
			s.i++
		}
		return
	}
	if len(s.stack) > 0 {
		s.stack = s.stack[:len(s.stack)-1]
	}
	if c == '}' {
		s.inKey = false
	}
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
