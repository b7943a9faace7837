// Package session reads and writes the autosaved answers that the
// full-screen program and the line mode share, and the files both save.
//
// It may import store/safefile,
// decision and content; never a presenter (tui, linemode, room).
package session

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/store/safefile"
)

// DefaultPath is os.UserConfigDir()/afstandswijzer/sessie.toml, or "" when
// there is no config folder (then autosave is off).
func DefaultPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "afstandswijzer", "sessie.toml")
}

// Load reads the session at path. It returns nil answers and no note when
// there is none. A session that exists but cannot be used (unreadable, too
// big, damaged) is first moved aside to a free name next to it
// (sessie.toml.kapot-YYYY-MM-DD, -2…), so the first new answer cannot
// overwrite it; the note says in Dutch what is wrong and where the copy
// is, and the reader starts over. Answers that a content update made
// invalid are dropped and the note names them; the others load. Answers
// that no longer apply are kept, so going back restores them.
func Load(e *decision.Engine, path string) (decision.Answers, string) {
	if path == "" {
		return nil, ""
	}
	// A run killed while saving leaves its temporary file; the session
	// itself is whole (the rename had not happened), so only the leftover
	// goes. A second window saving right now has one for milliseconds.
	safefile.RemoveStale(path, time.Second)
	shown := content.SanitizeLine(path)
	data, err := readLimited(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ""
	}
	if err != nil {
		return nil, "Je bewaarde antwoorden in " + shown + " konden niet worden gelezen (" + FileError(err) + ")." + keepAside(path, time.Now()) + " Je begint opnieuw."
	}
	if lerr := content.CheckInput(data, content.MaxAnswersSize); lerr != nil {
		return nil, "Je bewaarde antwoorden in " + shown + " kon ik niet gebruiken (" + lerr.Msg + ")." + keepAside(path, time.Now()) + " Je begint opnieuw."
	}
	name := filepath.Base(path)
	a, err := e.ParseAnswers(name, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true})
	if err != nil {
		// Not a content update (SkipInvalid copes with that): the file
		// itself is damaged, so say where and what is valid.
		return nil, "Je bewaarde antwoorden in " + shown + " kon ik niet lezen: " + problems(err) + "." + keepAside(path, time.Now()) + " Je begint opnieuw."
	}
	note := droppedNote(e, data, a)
	if len(a) == 0 {
		return nil, note
	}
	return a, note
}

// problems lists a parse error's problems on one line, capped.
func problems(err error) string {
	var es decision.AnswerErrors
	if !errors.As(err, &es) {
		return content.SanitizeLine(content.ShortMessage(err.Error()))
	}
	var lines []string
	for i, ae := range es {
		if i == content.MaxProblems {
			lines = append(lines, content.More(len(es)-i))
			break
		}
		lines = append(lines, strings.TrimRight(ae.Error(), "."))
	}
	return content.SanitizeLine(strings.Join(lines, "; "))
}

// keepAside moves the unusable session at path to the first free name
// path.kapot-YYYY-MM-DD, -2, -3… and returns the sentence that says where
// it is (with the file name only: the folder is the session's, and the
// remote mode replaces the session path in notes). A copy never replaces
// another file: a hard link is made with the new name first (it fails
// when the name exists) and only then the old name goes; where links are
// not possible the rename follows a check for a free name.
func keepAside(path string, now time.Time) string {
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
		// A folder or link in the session's place is not ours to move;
		// saving there fails and says so.
		return ""
	}
	base := path + ".kapot-" + now.Format("2006-01-02")
	var err error
	for n := 1; n < 100; n++ {
		target := base
		if n > 1 {
			target = base + "-" + strconv.Itoa(n)
		}
		err = os.Link(path, target)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err == nil {
			err = os.Remove(path)
			if err != nil {
				// Two names for one file: the session's would be
				// replaced by the next save, the copy stays.
				err = nil
			}
		} else {
			if _, serr := os.Lstat(target); serr == nil {
				continue
			}
			err = os.Rename(path, target)
		}
		if err == nil {
			return " Het oude bestand staat nu als " + content.SanitizeLine(filepath.Base(target)) + " in dezelfde map."
		}
		break
	}
	reason := "er zijn al te veel kopieën"
	if err != nil {
		reason = FileError(err)
	}
	return " Ik kon het bestand niet opzij zetten (" + reason + "). Wil je het houden? Zet het dan zelf ergens anders neer voordat je een antwoord geeft: je eerste antwoord overschrijft het."
}

// maxDropped is how many dropped answers a note names one by one.
const maxDropped = 5

// droppedNote names the answers in data that did not make it into a:
// questions that are gone and values that are no option any more, usually
// after a content update. "" when none were dropped.
func droppedNote(e *decision.Engine, data []byte, a decision.Answers) string {
	rest := " Je andere antwoorden zijn er nog."
	if len(a) == 0 {
		rest = " Je begint opnieuw."
	}
	var f struct {
		Answers map[string]any `toml:"antwoorden"`
	}
	if _, err := toml.Decode(string(data), &f); err != nil {
		return ""
	}
	var known, unknown []string
	for id := range f.Answers {
		if a.Has(id) {
			continue
		}
		q := e.C.Question(id)
		if q == nil {
			unknown = append(unknown, id)
			continue
		}
		known = append(known, id)
	}
	if len(known)+len(unknown) == 0 {
		return ""
	}
	// Question order for known questions, then the others by name.
	order := map[string]int{}
	for i, q := range e.C.Questions {
		order[q.ID] = i
	}
	slices.SortFunc(known, func(x, y string) int { return order[x] - order[y] })
	slices.Sort(unknown)
	var items []string
	for _, id := range known {
		items = append(items, "„"+e.C.Question(id).Short+"” (je antwoord was "+valueText(f.Answers[id])+")")
	}
	for _, id := range unknown {
		items = append(items, "de vraag "+id+", die er niet meer is")
	}
	n := len(items)
	if n > maxDropped {
		items = append(items[:maxDropped], content.More(n-maxDropped))
	}
	text := "Eén bewaard antwoord past niet meer bij de vragen van deze versie en is weggelaten: " + strings.Join(items, "; ") + "." + rest
	if n > 1 {
		text = strconv.Itoa(n) + " bewaarde antwoorden passen niet meer bij de vragen van deze versie en zijn weggelaten: " + strings.Join(items, "; ") + "." + rest
	}
	return content.SanitizeLine(text)
}

// valueText shows a saved answer (text or list of text) as the reader
// wrote it, shortened.
func valueText(v any) string {
	switch x := v.(type) {
	case string:
		return "„" + content.ShortMessage(x) + "”"
	case []any:
		parts := make([]string, 0, len(x))
		for _, p := range x {
			if s, ok := p.(string); ok {
				parts = append(parts, "„"+s+"”")
			}
		}
		return content.ShortMessage(strings.Join(parts, ", "))
	}
	return "geen tekst"
}

// Save writes the session file atomically (fsync, rename, fsync of the
// folder), mode 0600 in a folder 0700 that it makes when needed.
func Save(path string, data []byte) error { return safefile.WriteSession(path, data) }

// readLock reads the mark of Claim. A FIFO or device in its place is never
// opened: the program would not start.
func readLock(path string) ([]byte, error) {
	f, err := safefile.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 64))
}

// readLimited reads a session file of at most content.MaxAnswersSize. A
// FIFO or device in its place is refused unopened: the program would
// never start.
func readLimited(path string) ([]byte, error) {
	f, err := safefile.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return content.ReadLimited(f, content.MaxAnswersSize)
}

// Answered counts the answered questions on the current path.
func Answered(e *decision.Engine, a decision.Answers) (done, total int) {
	vis := e.Visible(a)
	for _, q := range vis {
		if a.Has(q.ID) {
			done++
		}
	}
	return done, len(vis)
}

// WriteFileAtomic replaces path atomically (see safefile.WriteFile): a new
// file is private (0600), an existing one keeps its mode.
func WriteFileAtomic(path string, data []byte) error {
	return safefile.WriteFile(path, data, safefile.SessionMode)
}

// SaveNew writes data to dir/prefix-YYYY-MM-DD.ext, or -2, -3… when that
// exists, and returns the absolute path; it never overwrites (O_EXCL) and
// the file is an export (0644 under the umask). See safefile.SaveNew.
func SaveNew(dir, prefix, ext string, now time.Time, data []byte) (string, error) {
	return safefile.SaveNew(dir, prefix, ext, now, data)
}

// FileError says in Dutch what went wrong with a file, naming the folder
// where that helps; no English text of the operating system.
func FileError(err error) string { return safefile.Reason(err) }

// Claim marks the session as open in this process, so a second window on
// the same session can say so instead of silently overwriting the first
// one's progress. other is true when another running process holds it;
// release removes the mark (call it on exit). A stale mark (the process
// is gone) is taken over.
func Claim(path string) (other bool, release func()) {
	release = func() {}
	if path == "" {
		return false, release
	}
	lock := path + ".open"
	if data, err := readLock(lock); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && pid != os.Getpid() && alive(pid) {
			other = true
		}
	}
	if os.MkdirAll(filepath.Dir(lock), 0o700) != nil {
		return other, release
	}
	me := strconv.Itoa(os.Getpid())
	if other || WriteFileAtomic(lock, []byte(me+"\n")) != nil {
		return other, release
	}
	return false, func() {
		// Only remove our own mark: another window may have taken over.
		if data, err := readLock(lock); err == nil && strings.TrimSpace(string(data)) == me {
			os.Remove(lock)
		}
	}
}
