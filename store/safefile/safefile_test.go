package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

func TestWriteFileLeavesNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.toml")
	for i := 0; i < 3; i++ {
		if err := WriteFile(p, []byte(strings.Repeat("x", i)), ExportMode); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only a.toml", len(entries))
	}
}

// A name at the file system's limit (255 bytes) must work: the temporary
// name is short, not the target's name plus more.
func TestLongNameWorks(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, strings.Repeat("l", 250)+".html")
	if err := WriteFile(p, []byte("<p>x</p>"), ExportMode); err != nil {
		t.Fatalf("255-byte name: %v (%s)", err, Reason(err))
	}
	if prefix, suffix := tempPattern(filepath.Base(p)); len(prefix)+8+len(suffix) >= 255 {
		t.Errorf("temporary name of %d bytes", len(prefix)+8+len(suffix))
	}
	// Too long is a Dutch message, not "file name too long".
	err := WriteFile(filepath.Join(dir, strings.Repeat("l", 300)), []byte("x"), ExportMode)
	if err == nil {
		t.Fatal("300-byte name accepted")
	}
	if r := Reason(err); r != "de naam is te lang; kies een kortere naam of map" {
		t.Errorf("Reason = %q", r)
	}
}

func TestCreateNewNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "antwoorden.toml")
	if err := CreateNew(p, []byte("eerste"), ExportMode); err != nil {
		t.Fatal(err)
	}
	err := CreateNew(p, []byte("tweede"), ExportMode)
	if !errors.Is(err, fs.ErrExist) || Reason(err) != "het bestand bestaat al" {
		t.Errorf("second CreateNew: %v (%s)", err, Reason(err))
	}
	if data, _ := os.ReadFile(p); string(data) != "eerste" {
		t.Errorf("overwritten: %q", data)
	}
	// SaveNew picks the next free name.
	now := time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC)
	a, _ := SaveNew(dir, "x", ".md", now, []byte("1"))
	b, _ := SaveNew(dir, "x", ".md", now, []byte("2"))
	if filepath.Base(a) != "x-2026-05-02.md" || filepath.Base(b) != "x-2026-05-02-2.md" {
		t.Errorf("SaveNew names %s, %s", a, b)
	}
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	session := filepath.Join(dir, "sessie.toml")
	os.WriteFile(session, []byte("versie = 1\n"), 0o600)
	stale := []string{".sessie.toml.1234567.tmp", ".sessie.toml.ab12cd34.tmp"}
	keep := []string{"sessie.toml", ".sessie.toml.tmp", "other.toml", ".other.toml.123.tmp"}
	for _, n := range append(stale, keep[1:]...) {
		os.WriteFile(filepath.Join(dir, n), []byte("half"), 0o600)
	}
	// A temporary file being written right now is left alone.
	fresh := filepath.Join(dir, ".sessie.toml.99999999.tmp")
	os.WriteFile(fresh, nil, 0o600)
	past := time.Now().Add(-time.Hour)
	for _, n := range stale {
		os.Chtimes(filepath.Join(dir, n), past, past)
	}
	removed, err := RemoveStale(session, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != len(stale) {
		t.Errorf("removed %v, want %v", removed, stale)
	}
	for _, n := range append(keep, filepath.Base(fresh)) {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}
	// The temporary files this package makes are the ones it removes.
	f, err := createTemp(session, SessionMode)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if removed, _ := RemoveStale(session, 0); len(removed) != 2 || !slicesContain(removed, f.Name()) {
		t.Errorf("own temporary file not removed: %v", removed)
	}
	if removed, err := RemoveStale(filepath.Join(dir, "nope", "sessie.toml"), 0); err != nil || removed != nil {
		t.Errorf("missing folder: %v %v", removed, err)
	}
}

func slicesContain(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestReasonsAreDutch(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		err  error
		want string
	}{
		{WriteFile(filepath.Join(dir, "geen", "a.md"), nil, ExportMode), "de map " + filepath.Join(dir, "geen") + " bestaat niet"},
		{WriteFile(dir, nil, ExportMode), "dit is een map, geen bestand"},
		{&fs.PathError{Op: "write", Path: "/media/stick/a.md", Err: syscall.EROFS}, "de map /media/stick is alleen-lezen"},
		{&fs.PathError{Op: "write", Path: "/x/a.md", Err: syscall.ENOSPC}, "de schijf is vol"},
		{&fs.PathError{Op: "write", Path: "/x/a.md", Err: syscall.EACCES}, "je mag niet schrijven in de map /x"},
		{&fs.PathError{Op: "open", Path: "/x/a.md", Err: syscall.EACCES}, "je hebt geen toestemming voor dit bestand"},
		{&fs.PathError{Op: "write", Path: "/x\x1b[2J/a.md", Err: syscall.EROFS}, `de map /x\x1b[2J is alleen-lezen`},
		{&fs.PathError{Op: "write", Path: "/x/a.md", Err: syscall.Errno(200)}, "het besturingssysteem weigert dit (foutcode 200)"},
	}
	for _, tc := range cases {
		if got := Reason(tc.err); got != tc.want {
			t.Errorf("Reason(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
	// Read-only folder (as a user: root ignores modes).
	if os.Geteuid() != 0 && runtime.GOOS != "windows" {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		if got := Reason(WriteFile(filepath.Join(ro, "a.md"), nil, ExportMode)); got != "je mag niet schrijven in de map "+ro {
			t.Errorf("read-only folder: %q", got)
		}
	}
}

func TestSame(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.toml")
	os.WriteFile(a, nil, 0o644)
	if !Same(a, filepath.Join(dir, ".", "a.toml")) || Same(a, filepath.Join(dir, "b.toml")) {
		t.Error("Same")
	}
	if runtime.GOOS != "windows" {
		os.Symlink(a, filepath.Join(dir, "l.toml"))
		if !Same(a, filepath.Join(dir, "l.toml")) {
			t.Error("Same through a link")
		}
	}
}
