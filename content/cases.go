package content

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed casussen/*.toml
var caseFS embed.FS

// Case is an example case for study afternoons: an answers file with a
// title and a short story.
type Case struct {
	// Name is the file name without .toml: what a trainer types.
	Name string
	// File is the path inside the embedded folder, for messages.
	File  string
	Title string
	Story string
	// Answers is the file with the [casus] table blanked out, so
	// decision.Engine.ParseAnswers reads it strictly and reports the lines
	// of the original file.
	Answers []byte
}

// CaseInfo is the [casus] table of an answers file.
type CaseInfo struct {
	Title string `toml:"titel"`
	Story string `toml:"verhaal"`
}

// Cases returns the embedded example cases, sorted by name.
func Cases() ([]*Case, error) {
	names, err := fs.Glob(caseFS, "casussen/*.toml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*Case
	var ps Problems
	for _, file := range names {
		data, err := fs.ReadFile(caseFS, file)
		if err != nil {
			return nil, err
		}
		info, rest, found, err := SplitCase(file, data)
		if err != nil {
			ps = append(ps, err.(Problems)...)
			continue
		}
		if !found {
			ps = append(ps, Problem{File: file, Msg: "de tabel [casus] met titel en verhaal ontbreekt"})
			continue
		}
		out = append(out, &Case{Name: strings.TrimSuffix(path.Base(file), ".toml"), File: file,
			Title: info.Title, Story: info.Story, Answers: rest})
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return out, nil
}

// CaseNames lists the names of the embedded cases (for "geldig zijn").
func CaseNames(cs []*Case) []string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return names
}

var caseHeader = regexp.MustCompile(`^\s*\[\s*casus\s*\]\s*(#.*)?$`)

// SplitCase separates the optional [casus] table (titel, verhaal) from an
// answers file. rest is data with the lines of that table blanked, so line
// numbers in later messages still match the file; found is false when the
// file has no [casus] table (rest is then data unchanged). Errors are
// Problems naming file and line.
func SplitCase(name string, data []byte) (info CaseInfo, rest []byte, found bool, err error) {
	lines := strings.Split(string(data), "\n")
	start, end := -1, len(lines)
	var delim string // open multi-line string delimiter, if any
	for i, line := range lines {
		if delim == "" {
			if start < 0 && caseHeader.MatchString(line) {
				start = i
				continue
			}
			if start >= 0 && strings.HasPrefix(strings.TrimSpace(line), "[") {
				end = i
				break
			}
		}
		delim = multilineState(line, delim)
	}
	if start < 0 {
		return CaseInfo{}, data, false, nil
	}
	own := make([]string, len(lines))
	left := make([]string, len(lines))
	for i, line := range lines {
		if i >= start && i < end {
			own[i] = line
		} else {
			left[i] = line
		}
	}
	src := strings.Join(own, "\n")
	var f struct {
		Casus CaseInfo `toml:"casus"`
	}
	md, derr := toml.Decode(src, &f)
	if derr != nil {
		return CaseInfo{}, nil, true, Problems{{File: name, Line: errLine(src, derr), Msg: "de tabel [casus] is geen geldige TOML: " + tomlMessage(derr)}}
	}
	var ps Problems
	keyLines := KeyLines(src)
	for _, k := range md.Undecoded() {
		ps = append(ps, Problem{File: name, Line: keyLines[k[len(k)-1]],
			Msg: fmt.Sprintf("onbekende sleutel %q in [casus]; geldig zijn: \"titel\", \"verhaal\"", k[len(k)-1])})
	}
	if strings.TrimSpace(f.Casus.Title) == "" {
		ps = append(ps, Problem{File: name, Line: start + 1, Msg: "[casus] heeft geen titel; schrijf titel = \"...\""})
	}
	if strings.TrimSpace(f.Casus.Story) == "" {
		ps = append(ps, Problem{File: name, Line: start + 1, Msg: "[casus] heeft geen verhaal; schrijf verhaal = \"...\""})
	}
	if len(ps) > 0 {
		return CaseInfo{}, nil, true, ps
	}
	f.Casus.Title = strings.TrimSpace(f.Casus.Title)
	f.Casus.Story = strings.TrimSpace(f.Casus.Story)
	return f.Casus, []byte(strings.Join(left, "\n")), true, nil
}

// multilineState follows TOML multi-line strings across lines, so a "["
// at the start of a line inside one is not taken for a table header.
func multilineState(line, delim string) string {
	for {
		if delim != "" {
			i := strings.Index(line, delim)
			if i < 0 {
				return delim
			}
			line, delim = line[i+3:], ""
			continue
		}
		line = stripComment(line)
		i, j := strings.Index(line, `"""`), strings.Index(line, `'''`)
		switch {
		case i < 0 && j < 0:
			return ""
		case j < 0 || (i >= 0 && i < j):
			line, delim = line[i+3:], `"""`
		default:
			line, delim = line[j+3:], `'''`
		}
	}
}
