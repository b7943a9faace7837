package session

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

func engine(t *testing.T) *decision.Engine {
	t.Helper()
	c, err := content.Load(content.Default())
	if err != nil {
		t.Fatal(err)
	}
	return decision.New(c)
}

func TestSaveAndLoad(t *testing.T) {
	e := engine(t)
	path := filepath.Join(t.TempDir(), "afstandswijzer", "sessie.toml")
	if err := Save(path, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\n")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("session mode %o, want 0600", st.Mode().Perm())
	}
	a, note := Load(e, path)
	if note != "" || a["rol"][0] != "docent" {
		t.Errorf("Load: %v %q", a, note)
	}
}

// A run killed during a save leaves ".sessie.toml.*.tmp"; the next start
// removes it and keeps the session.
func TestLoadRemovesStaleTemporaryFiles(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "sessie.toml")
	Save(path, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\n"))
	stale := filepath.Join(dir, ".sessie.toml.12345678.tmp")
	os.WriteFile(stale, []byte("versie = 1\n[antw"), 0o600)
	old := time.Now().Add(-time.Minute)
	os.Chtimes(stale, old, old)
	if a, _ := Load(e, path); a == nil {
		t.Fatal("session lost")
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file left")
	}
}

func TestLoadRefusesHostileSessions(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	cases := map[string]struct{ data, want string }{
		"groot.toml":  {"versie = 1\n" + strings.Repeat("# x\n", 300000), "te groot"},
		"punten.toml": {"versie = 1\n[antwoorden]\n" + strings.Repeat("a.", 30000) + "a = \"x\"\n", "meer dan 4 delen"},
	}
	for name, tc := range cases {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(tc.data), 0o600)
		a, note := Load(e, path)
		if a != nil || !strings.Contains(note, tc.want) || !strings.Contains(note, "Je begint opnieuw") {
			t.Errorf("%s: %v %q", name, a, note)
		}
	}
	// The path in the note cannot drive the terminal.
	path := filepath.Join(dir, "x\x1b]0;titel\x07", "sessie.toml")
	os.MkdirAll(filepath.Dir(path), 0o700)
	os.WriteFile(path, []byte("versie = \n"), 0o600)
	if _, note := Load(e, path); note == "" || strings.ContainsAny(note, "\x1b\x07") {
		t.Errorf("note %q", note)
	}
}

// A damaged session (a TOML syntax error) is kept aside under a free name
// before anything can overwrite it, and the note says what is wrong (file,
// line, what to write) and where the copy is; it does not blame the
// version of the program.
func TestLoadKeepsDamagedSessionAside(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "sessie.toml")
	damaged := "versie = 1\n[antwoorden\nrol = \"docent\"\n"
	os.WriteFile(path, []byte(damaged), 0o600)
	// A copy from earlier today is never overwritten: the next free name.
	day := time.Now().Format("2006-01-02")
	earlier := filepath.Join(dir, "sessie.toml.kapot-"+day)
	os.WriteFile(earlier, []byte("eerder"), 0o600)

	a, note := Load(e, path)
	if a != nil {
		t.Fatalf("answers from a damaged file: %v", a)
	}
	// (The TOML library counts an error at a line's end on the next line.)
	for _, want := range []string{path, "regel ", "geen geldige TOML", "[antwoorden]", "sessie.toml.kapot-" + day + "-2", "Je begint opnieuw"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q: %q", want, note)
		}
	}
	if strings.Contains(note, "passen niet meer bij de vragen") {
		t.Errorf("note blames the version: %q", note)
	}
	if got, _ := os.ReadFile(earlier); string(got) != "eerder" {
		t.Errorf("earlier copy overwritten: %q", got)
	}
	if got, err := os.ReadFile(earlier + "-2"); err != nil || string(got) != damaged {
		t.Errorf("copy %q, %v; want the damaged file", got, err)
	}
	// The first answer writes a new session; the copy stays.
	if err := Save(path, e.FormatAnswers(decision.Answers{"rol": {"docent"}})); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(earlier + "-2"); string(got) != damaged {
		t.Errorf("copy lost after saving: %q", got)
	}
}

// A session too big to read is kept aside as well: the size limit must
// not turn into losing the file at the first answer.
func TestLoadKeepsOversizedSessionAside(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "sessie.toml")
	os.WriteFile(path, []byte("versie = 1\n"+strings.Repeat("# x\n", 300000)), 0o600)
	_, note := Load(e, path)
	copies, _ := filepath.Glob(filepath.Join(dir, "sessie.toml.kapot-*"))
	if len(copies) != 1 || !strings.Contains(note, filepath.Base(copies[0])) {
		t.Errorf("copies %v, note %q", copies, note)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the damaged file is still in the session's place")
	}
}

// Answers that a content update made invalid (a removed option, a removed
// question) are dropped, the others kept, and the note names them.
func TestLoadNamesDroppedAnswers(t *testing.T) {
	e := engine(t)
	path := filepath.Join(t.TempDir(), "sessie.toml")
	os.WriteFile(path, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\nvorm = \"hybride_oud\"\noude_vraag = \"ja\"\n"), 0o600)
	a, note := Load(e, path)
	if a == nil || a["rol"][0] != "docent" || a.Has("vorm") {
		t.Fatalf("answers %v", a)
	}
	for _, want := range []string{"Vorm", "hybride_oud", "oude_vraag"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q: %q", want, note)
		}
	}
	if strings.Contains(note, "Je begint opnieuw") {
		t.Errorf("note says the reader starts over: %q", note)
	}
	copies, _ := filepath.Glob(path + ".kapot-*")
	if len(copies) != 0 {
		t.Errorf("a readable session was moved: %v", copies)
	}
}

// A folder in the session's place is left where it is.
func TestLoadLeavesAFolderAlone(t *testing.T) {
	e := engine(t)
	path := filepath.Join(t.TempDir(), "sessie.toml")
	os.MkdirAll(filepath.Join(path, "binnen"), 0o700)
	if _, note := Load(e, path); note == "" || strings.Contains(note, "kapot") {
		t.Errorf("note %q", note)
	}
	if st, err := os.Stat(filepath.Join(path, "binnen")); err != nil || !st.IsDir() {
		t.Errorf("folder moved: %v", err)
	}
}

// A complete session is copied to sessie.toml.vorige before a new run
// replaces it; an incomplete one is not (issue 16, point 14).
func TestKeepCompleteCopiesOnlyACompleteSession(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "sessie.toml")
	if got, err := KeepComplete(e, path); got != "" || err != nil {
		t.Fatalf("no session: %q %v", got, err)
	}
	a := decision.Answers{}
	for q := e.Next(a); q != nil; q = e.Next(a) {
		a[q.ID] = []string{q.Options[0].Value}
	}
	full := e.FormatAnswers(a)
	Save(path, full)
	got, err := KeepComplete(e, path)
	if err != nil || got != path+".vorige" {
		t.Fatalf("complete session: %q %v", got, err)
	}
	if data, _ := os.ReadFile(got); string(data) != string(full) {
		t.Fatalf("copy differs:\n%s", data)
	}
	os.Remove(got)
	Save(path, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\n"))
	if got, err := KeepComplete(e, path); got != "" || err != nil {
		t.Fatalf("incomplete session copied: %q %v", got, err)
	}
	if _, err := os.Stat(path + ".vorige"); err == nil {
		t.Fatal("copy of an incomplete session")
	}
}
