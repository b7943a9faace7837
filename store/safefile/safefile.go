// Package safefile writes files so that no answer is lost unseen: a
// replaced file is either the old or the new one after a crash or kill -9
// (temporary file, fsync, rename, fsync of the folder), "never overwrite"
// is enforced by the operating system (O_EXCL), and every error can be
// told to the user in Dutch (Reason).
//
// It may import only content (for Sanitize).
package safefile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Modes: exports are for sharing (0644, and the user's umask applies);
// the session file holds someone's answers and is theirs alone.
const (
	ExportMode  fs.FileMode = 0o644
	SessionMode fs.FileMode = 0o600
)

// tempPrefixMax bounds the part of the target's name in a temporary name:
// the temporary name must not be longer than the target's (a name at the
// file system's limit would fail with "file name too long"), but it should
// still say whose it is.
const tempPrefixMax = 16

// tempPattern is the temporary name for the file base, without the random
// part: ".sessie.toml.*.tmp" for the session file.
func tempPattern(base string) (prefix, suffix string) {
	if len(base) > tempPrefixMax {
		cut := tempPrefixMax
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + ".", ".tmp"
}

// createTemp makes a new, empty temporary file next to path with mode
// perm (before the umask), so a rename puts it in place.
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	prefix, suffix := tempPattern(filepath.Base(path))
	dir := filepath.Dir(path)
	for range 100 {
		var r [4]byte
		rand.Read(r[:])
		name := filepath.Join(dir, prefix+hex.EncodeToString(r[:])+suffix)
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
}

// WriteFile replaces path with data atomically: a kill at any moment
// leaves the old file or the new one, never half of one. A new file gets
// perm under the user's umask; an existing file keeps its mode. The
// folder must exist. Errors name path (not the temporary file).
//
// Only a regular file is replaced: the rename would turn a device, FIFO or
// socket into a regular file (run by root, --uit /dev/null replaced
// /dev/null for the whole machine), so those are refused and left as they
// are (ErrNotRegular).
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	existing := false
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return &fs.PathError{Op: "write", Path: path, Err: errIsDir}
		}
		if !st.Mode().IsRegular() {
			return &fs.PathError{Op: "write", Path: path, Err: ErrNotRegular}
		}
		perm, existing = st.Mode().Perm(), true
	}
	f, err := createTemp(path, perm)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && isDir(filepath.Dir(path)) {
			// The folder is there but takes no new files (/proc, /sys).
			err = errNoNewFiles
		}
		return pathErr("write", path, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return pathErr("write", path, err)
	}
	if existing {
		// An explicit mode is not masked: the file keeps exactly its mode.
		if err := f.Chmod(perm); err != nil {
			return fail(err)
		}
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	// The data must be on disk before the rename makes it the file, or a
	// power cut can leave an empty file under the old name.
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return pathErr("write", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return pathErr("write", path, err)
	}
	// The rename itself is in the folder: sync it so it survives a crash.
	syncDir(filepath.Dir(path))
	return nil
}

// CreateNew writes data to path only if path does not exist yet: the
// check and the creation are one step for the operating system (O_EXCL),
// so a file made in between is never overwritten. The error for an
// existing file satisfies errors.Is(err, fs.ErrExist).
func CreateNew(path string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return pathErr("create", path, err)
	}
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		// Half a file is worse than none: nobody had it before us.
		os.Remove(path)
		return pathErr("write", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// SaveNew writes data to dir/prefix-YYYY-MM-DD.ext, or -2, -3… when that
// exists, and returns the path. It never overwrites (CreateNew).
func SaveNew(dir, prefix, ext string, now time.Time, data []byte) (string, error) {
	if dir == "" {
		dir = "."
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
		err := CreateNew(path, data, ExportMode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		return path, nil
	}
	return "", &fs.PathError{Op: "create", Path: filepath.Join(abs, base+ext), Err: errTooMany}
}

// WriteSession writes the session file (mode 0600), making its folder
// (0700) when needed.
func WriteSession(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return pathErr("mkdir", filepath.Dir(path), err)
	}
	return WriteFile(path, data, SessionMode)
}

// RemoveStale removes the temporary files that a killed run left next to
// path (".sessie.toml.*.tmp" for the session file) and that are at least
// olderThan old, and returns what it removed. Another program writing the
// same file at this moment has a temporary file only for milliseconds; a
// caller that may run side by side with itself passes a few seconds.
func RemoveStale(path string, olderThan time.Duration) ([]string, error) {
	prefix, suffix := tempPattern(filepath.Base(path))
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, pathErr("read", dir, err)
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, suffix) || len(name) <= len(prefix)+len(suffix) {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < olderThan {
			continue
		}
		p := filepath.Join(dir, name)
		if err := os.Remove(p); err == nil {
			removed = append(removed, p)
		}
	}
	return removed, nil
}

// Same reports whether a and b name the same existing file (also through
// a link or another spelling of the path).
func Same(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// pathErr makes err name path and operation op, keeping the cause for
// errors.Is and Reason.
func pathErr(op, path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return &fs.PathError{Op: op, Path: path, Err: err}
}

// ErrNotRegular is the cause of an error for a path that exists and is
// not a regular file or folder: a device, FIFO or socket.
var ErrNotRegular = errors.New("not a regular file")

var (
	errIsDir      = errors.New("is a directory")
	errTooMany    = errors.New("too many files with this name")
	errNoNewFiles = errors.New("folder takes no new files")
)

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
