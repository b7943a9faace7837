package cli

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// buildStartup builds the program and the bare Glamour program of
// testdata/glamourkop once per run.
func buildStartup(tb testing.TB) (ours, bare string) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds two programs")
	}
	dir := tb.TempDir()
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}
	ours, bare = filepath.Join(dir, "afstandswijzer"+exe), filepath.Join(dir, "glamourkop"+exe)
	for _, b := range [][]string{{ours, ".."}, {bare, "./testdata/glamourkop"}} {
		if out, err := exec.Command("go", "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
			tb.Fatalf("go build %s: %v\n%s", b[1], err, out)
		}
	}
	return ours, bare
}

// BenchmarkStartup runs both programs as a user would: a new process each
// time. The goal is afstandswijzer --version within 1.2 times the bare
// Glamour program (most of whose time is Chroma's init, which both pay).
//
//	go test ./cli -run '^$' -bench Startup -benchtime 20x
func BenchmarkStartup(b *testing.B) {
	ours, bare := buildStartup(b)
	run := func(b *testing.B, args ...string) {
		for b.Loop() {
			if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
				b.Fatalf("%v: %v\n%s", args, err, out)
			}
		}
	}
	b.Run("afstandswijzer-version", func(b *testing.B) { run(b, ours, "--version") })
	b.Run("glamour-kop", func(b *testing.B) { run(b, bare) })
}

// TestNoInitWork checks with GODEBUG=inittrace=1 that our own packages do
// no work at start-up (compiled patterns, renderers, tables belong in the
// first use): each allocates at most 32 kB in init.
func TestNoInitWork(t *testing.T) {
	ours, _ := buildStartup(t)
	cmd := exec.Command(ours, "--version")
	cmd.Env = append(cmd.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`^init (github.com/afstandswijzer/afstandswijzer\S*) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)
	seen := 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		m := re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		seen++
		bytes, _ := strconv.Atoi(m[2])
		// A few small patterns or tables are fine (the loader's, the line
		// mode's); building a renderer or a list of compiled messages
		// (161 kB in decision before) is not.
		const limit = 32 << 10
		if bytes > limit {
			t.Errorf("%s allocates %d bytes in init (at most %d): %s", m[1], bytes, limit, line)
		}
	}
	if seen == 0 && !strings.Contains(stderr.String(), "init ") {
		t.Fatalf("no inittrace output:\n%s", stderr.String())
	}
}
