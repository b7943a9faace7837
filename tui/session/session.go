// Package session reads and writes the autosaved answers that the
// full-screen program and the line mode share, and the files both save.
package session

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/afstandswijzer/afstandswijzer/decision"
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
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ""
	}
	if err != nil {
		return nil, "Je bewaarde antwoorden in " + path + " konden niet worden gelezen (" + FileError(err) + "). Je begint opnieuw."
	}
	a, err := e.ParseAnswers(path, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true})
	if err != nil {
		// Usually the content changed since the session was saved.
		return nil, "Je bewaarde antwoorden in " + path + " passen niet meer bij de vragen van deze versie. Je begint opnieuw."
	}
	if len(a) == 0 {
		return nil, ""
	}
	return a, ""
}

// Save writes the session file atomically, making its folder when needed.
func Save(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
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

// WriteFileAtomic writes through a temp file in the same folder and a
// rename, so a kill at any moment leaves either the old or the new file,
// never half of one. The folder must exist.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// SaveNew writes data to dir/prefix-YYYY-MM-DD.ext, or -2, -3… when that
// exists, and returns the absolute path. O_EXCL makes "never overwrite"
// hold even against a race.
func SaveNew(dir, prefix, ext string, now time.Time, data []byte) (string, error) {
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		dir = wd
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	base := prefix + "-" + now.Format("2006-01-02")
	for n := 1; n < 1000; n++ {
		name := base + ext
		if n > 1 {
			name = fmt.Sprintf("%s-%d%s", base, n, ext)
		}
		path := filepath.Join(abs, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			os.Remove(path)
			return "", err
		}
		if err := f.Close(); err != nil {
			os.Remove(path)
			return "", err
		}
		return path, nil
	}
	return "", errors.New("er bestaan al te veel bestanden met deze naam")
}

// FileError says in Dutch what went wrong with a file.
func FileError(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "geen toestemming"
	case errors.Is(err, fs.ErrNotExist):
		return "het bestand of de map bestaat niet"
	case errors.Is(err, syscall.ENOTDIR):
		return "een deel van het pad is geen map"
	case errors.Is(err, syscall.EROFS):
		return "de schijf is alleen-lezen"
	case errors.Is(err, syscall.ENOSPC):
		return "de schijf is vol"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

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
