//go:build !windows

package cli

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

const example = "../testdata/voorbeeld.toml"

// specialFiles makes a FIFO, a socket and (as root) a device node like
// /dev/null inside a temporary folder: never the real /dev.
func specialFiles(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	files["FIFO"] = fifo
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	files["socket"] = sock
	if os.Geteuid() == 0 && runtime.GOOS == "linux" {
		dev := filepath.Join(dir, "null")
		// Major 1, minor 3 is the null device on Linux.
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Fatal(err)
		}
		files["device"] = dev
	} else {
		t.Log("not root on Linux: no device node, only the FIFO and the socket")
	}
	return files
}

// runBounded runs Main and fails instead of hanging when it blocks.
func runBounded(t *testing.T, env *Env, args ...string) int {
	t.Helper()
	done := make(chan int, 1)
	go func() { done <- Main(args, env) }()
	select {
	case code := <-done:
		return code
	case <-time.After(20 * time.Second):
		t.Fatalf("%v blocked for 20 s", args)
		return 0
	}
}

func TestOutputRefusesSpecialFiles(t *testing.T) {
	for kind, path := range specialFiles(t) {
		before, err := os.Lstat(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"samenvatting", "--antwoorden", example, "--uit", path},
			{"vergelijk", example, example, "--uit", path},
			{"casus", "hybride-nederlands", "--uit", path},
			{"casus", "hybride-nederlands", "--antwoorden-naar", path},
		} {
			env, _, errOut := testEnv("")
			code := runBounded(t, env, args...)
			if code != 2 || !strings.Contains(errOut.String(), "geen gewoon bestand") || strings.Contains(errOut.String(), "Opgeslagen") {
				t.Errorf("%s %v: exit %d, stderr %q; want 2 and 'geen gewoon bestand'", kind, args[:2], code, errOut)
			}
		}
		after, err := os.Lstat(path)
		if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
			t.Errorf("%s was replaced: %v -> %v (%v)", kind, before.Mode(), after, err)
		}
	}
}

func TestOutputDashIsStdout(t *testing.T) {
	example, err := filepath.Abs(example)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	env, out, errOut := testEnv("")
	if code := Main([]string{"samenvatting", "--antwoorden", example, "--uit", "-"}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out.String(), "# Afstandsonderwijs") || strings.Contains(errOut.String(), "Opgeslagen") {
		t.Errorf("--uit - did not write to stdout: stdout %.40q, stderr %q", out, errOut)
	}
	if _, err := os.Lstat("-"); err == nil {
		t.Error("--uit - made a file named -")
	}
	// Every command with --uit: ronde wrote a file named "-" before.
	for _, args := range [][]string{
		{"casus", "online-mondeling", "--format", "markdown"},
		{"vergelijk", example, example, "--format", "markdown"},
		{"ronde", example, "--format", "markdown"},
	} {
		env, out, errOut := testEnv("")
		if code := Main(append(args, "--uit", "-"), env); code != 0 {
			t.Fatalf("%s: exit %d: %s", args[0], code, errOut)
		}
		if out.Len() == 0 || strings.Contains(errOut.String(), "Opgeslagen") {
			t.Errorf("%s --uit - did not write to stdout: stdout %.40q, stderr %q", args[0], out, errOut)
		}
		if _, err := os.Lstat("-"); err == nil {
			t.Errorf("%s --uit - made a file named -", args[0])
			os.Remove("-")
		}
	}
}

// The standard output named by its path (as /dev/stdout would be) gets the
// output written into it, not replaced by a file.
func TestOutputPathOfStdout(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "stdout")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	env := &Env{Stdin: strings.NewReader(""), Stdout: w, Stderr: &errOut, Now: time.Now}
	code := runBounded(t, env, "samenvatting", "--antwoorden", example, "--format", "json", "--uit", fifo)
	w.Close()
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	data, _ := io.ReadAll(r)
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 || !strings.Contains(string(data), `"compleet": true`) {
		t.Errorf("stdout by its path: mode %v, read %.60q", st.Mode(), data)
	}
}

// failWriter is a standard output on a full disk.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestOutputWriteErrorIsAnError(t *testing.T) {
	var errOut strings.Builder
	env := &Env{Stdin: strings.NewReader(""), Stdout: failWriter{}, Stderr: &errOut, Now: time.Now}
	code := Main([]string{"samenvatting", "--antwoorden", example, "--format", "markdown", "--uit", "-"}, env)
	if code != 1 || !strings.Contains(errOut.String(), "de schijf is vol") || strings.Contains(errOut.String(), "Opgeslagen") {
		t.Errorf("exit %d, stderr %q; want 1 and 'de schijf is vol'", code, errOut.String())
	}
}

func TestOutputInFolderWithoutNewFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc is Linux's")
	}
	code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", example, "--uit", "/proc/version")
	if code != 1 || strings.Contains(errOut, "bestaat niet") || !strings.Contains(errOut, "in de map /proc kun je geen nieuwe bestanden maken") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestInputsRefuseSpecialFiles(t *testing.T) {
	for kind, path := range specialFiles(t) {
		env, _, errOut := testEnv("")
		code := runBounded(t, env, "samenvatting", "--antwoorden", path)
		if code != 2 || !strings.Contains(errOut.String(), "geen gewoon bestand") {
			t.Errorf("answers %s: exit %d, stderr %q", kind, code, errOut)
		}
	}
	for kind, path := range specialFiles(t) {
		dir := exportContent(t)
		target := filepath.Join(dir, "regels.toml")
		os.Remove(target)
		if err := os.Rename(path, target); err != nil {
			t.Fatal(err)
		}
		env, _, errOut := testEnv("")
		code := runBounded(t, env, "samenvatting", "--antwoorden", example, "--inhoud", dir)
		if code != 2 || !strings.Contains(errOut.String(), "regels.toml: dit is geen gewoon bestand") {
			t.Errorf("content %s: exit %d, stderr %q", kind, code, errOut)
		}
	}
	dir := exportContent(t)
	os.Remove(filepath.Join(dir, "regels.toml"))
	os.Mkdir(filepath.Join(dir, "regels.toml"), 0o755)
	code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", example, "--inhoud", dir)
	if code != 2 || !strings.Contains(errOut, "regels.toml: dit is een map, geen bestand") {
		t.Errorf("content folder: exit %d, stderr %q", code, errOut)
	}
}
