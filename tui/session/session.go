// Package session reads and writes the autosaved answers that the
// full-screen program and the line mode share, and the files both save.
package session

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/tui/safefile"
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
// there is none; a note in Dutch when it exists but cannot be used (the
// reader starts over, the file is left alone until the first answer).
// Answers that no longer apply are kept, so going back restores them.
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
		return nil, "Je bewaarde antwoorden in " + shown + " konden niet worden gelezen (" + FileError(err) + "). Je begint opnieuw."
	}
	if lerr := content.CheckInput(data, content.MaxAnswersSize); lerr != nil {
		return nil, "Je bewaarde antwoorden in " + shown + " kon ik niet gebruiken (" + lerr.Msg + "). Je begint opnieuw."
	}
	a, err := e.ParseAnswers(path, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true})
	if err != nil {
		// Usually the content changed since the session was saved.
		return nil, "Je bewaarde antwoorden in " + shown + " passen niet meer bij de vragen van deze versie. Je begint opnieuw."
	}
	if len(a) == 0 {
		return nil, ""
	}
	return a, ""
}

// Save writes the session file atomically (fsync, rename, fsync of the
// folder), mode 0600 in a folder 0700 that it makes when needed.
func Save(path string, data []byte) error { return safefile.WriteSession(path, data) }

// readLimited reads a session file of at most content.MaxAnswersSize.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
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
	if data, err := os.ReadFile(lock); err == nil {
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
		if data, err := os.ReadFile(lock); err == nil && strings.TrimSpace(string(data)) == me {
			os.Remove(lock)
		}
	}
}
