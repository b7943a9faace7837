package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"time"
)

// saveSession writes the session file, making its folder when needed.
func saveSession(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
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

// saveNew writes data to dir/prefix-YYYY-MM-DD.ext, or -2, -3… when that
// exists. O_EXCL makes "never overwrite" hold even against a race.
func saveNew(dir, prefix, ext string, now time.Time, data []byte) (string, error) {
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

// safeURL accepts only https links that occur in the content: the program
// never hands anything else to the system opener.
func safeURL(raw string, allowed map[string]bool) bool {
	if !allowed[raw] {
		return false
	}
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "https" && u.Host != ""
}

// systemOpen starts the platform's URL opener directly (no shell, so no
// quoting problems), with no terminal attached: a text browser must not
// take over the screen Bubble Tea is drawing.
func systemOpen(u string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", u)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
	default:
		cmd = exec.Command("xdg-open", u)
	}
	return cmd.Run()
}
