//go:build unix

package room

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// The load benchmark: N participants (40, or
// AFSTANDSWIJZER_BENCH_DEELNEMERS, at most MaxLimit) on 127.0.0.1 each
// walk a full path to the summary at about two keys per second. The
// server runs in a child process (this test binary, TestBenchServer), so
// its peak RSS is its own.
//
//	go test ./room -run '^$' -bench Room -benchtime 1x
//	AFSTANDSWIJZER_BENCH_DEELNEMERS=500 go test ./room -run '^$' -bench Room -benchtime 1x -timeout 15m
//
// It reports p50, p95 and max from key sent to the first screen update,
// and the server's peak RSS (VmHWM, Linux). It stops by itself: every
// participant has at most 80 keys, and the whole run at most 3 minutes
// plus 0.2 s per participant.

const (
	benchServerEnv  = "AFSTANDSWIJZER_BENCH_SERVER"
	benchProfileEnv = "AFSTANDSWIJZER_BENCH_PROFIEL"
	benchCountEnv   = "AFSTANDSWIJZER_BENCH_DEELNEMERS"
)

// benchCount is the number of participants of BenchmarkRoom.
func benchCount(tb testing.TB) int {
	v := os.Getenv(benchCountEnv)
	if v == "" {
		return 40
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > MaxLimit {
		tb.Fatalf("%s=%q: use 1 to %d", benchCountEnv, v, MaxLimit)
	}
	return n
}

// benchLimit bounds a run of n participants.
func benchLimit(n int) time.Duration { return 3*time.Minute + time.Duration(n)*200*time.Millisecond }

// TestBenchServer is the server side of BenchmarkRoom; it only runs when
// the benchmark starts it.
func TestBenchServer(t *testing.T) {
	if os.Getenv(benchServerEnv) == "" {
		t.Skip("only for BenchmarkRoom")
	}
	cfg := testConfig(t)
	cfg.Max = benchCount(t)
	ready := make(chan *server, 1)
	cfg.ready = func(s *server) { ready <- s }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg) }()
	s := <-ready
	fmt.Printf("ADRES %s\n", s.Addr())
	if dir := os.Getenv(benchProfileEnv); dir != "" {
		go heapAtPeak(filepath.Join(dir, "heap-piek.out"))
	}
	// Run until the benchmark closes stdin, at most benchLimit.
	stdin := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(stdin) }()
	select {
	case <-stdin:
	case <-time.After(benchLimit(cfg.Max) + time.Minute):
	}
	fmt.Printf("RSS %s\n", peakRSS())
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		fmt.Printf("CPU %d\n", cpu.Milliseconds())
	}
	cancel()
	<-done
}

// heapAtPeak writes a heap profile whenever the heap in use is larger
// than before, so the last file shows what the server held at its peak.
func heapAtPeak(path string) {
	var peak uint64
	for range time.Tick(250 * time.Millisecond) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse <= peak {
			continue
		}
		peak = ms.HeapInuse
		if f, err := os.Create(path); err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}

// loadAvg is the first three fields of /proc/loadavg, or "?".
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}

// peakRSS is VmHWM from /proc/self/status, or "?".
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

func BenchmarkRoom(b *testing.B) {
	participants := benchCount(b)
	const keyGap = 500 * time.Millisecond
	for range b.N {
		load0 := loadAvg()
		args := []string{"-test.run=^TestBenchServer$", "-test.v"}
		// AFSTANDSWIJZER_BENCH_PROFIEL=DIR writes the server's CPU and
		// memory profiles there (go tool pprof DIR/cpu.out).
		if dir := os.Getenv(benchProfileEnv); dir != "" {
			args = append(args, "-test.cpuprofile="+filepath.Join(dir, "cpu.out"), "-test.memprofile="+filepath.Join(dir, "mem.out"))
		}
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), benchServerEnv+"=1")
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		addr := ""
		for lines.Scan() {
			if a, ok := strings.CutPrefix(lines.Text(), "ADRES "); ok {
				addr = a
				break
			}
		}
		if addr == "" {
			b.Fatal("the server does not start")
		}
		var (
			mu        sync.Mutex
			latencies []time.Duration
			byKind    = map[string][]time.Duration{}
			readies   []time.Duration // from v to the summary's text
			done      int
			stalls    int
			wg        sync.WaitGroup
		)
		sizes := [][2]int{{80, 24}, {100, 30}, {120, 40}}
		deadline := time.Now().Add(benchLimit(participants) - 30*time.Second)
		for i := range participants {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Start spread, as a room arrives: 20 a second.
				time.Sleep(time.Duration(i) * 50 * time.Millisecond)
				lat, ready, finished, stalled, err := benchWalk(addr, i, sizes[i%len(sizes)], keyGap, deadline)
				if err != nil {
					b.Errorf("participant %d: %v", i, err)
				}
				mu.Lock()
				for _, l := range lat {
					latencies = append(latencies, l.d)
					byKind[l.kind] = append(byKind[l.kind], l.d)
				}
				stalls += stalled
				if finished {
					done++
					readies = append(readies, ready)
				}
				mu.Unlock()
			}()
		}
		wg.Wait()
		stdin.Close()
		rss, cpuMS := "?", 0
		for lines.Scan() {
			if v, ok := strings.CutPrefix(lines.Text(), "RSS "); ok {
				rss = v
			}
			if v, ok := strings.CutPrefix(lines.Text(), "CPU "); ok {
				cpuMS, _ = strconv.Atoi(v)
			}
		}
		load1 := loadAvg()
		_ = cmd.Wait()
		sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
		if len(latencies) == 0 {
			b.Fatal("no measurements")
		}
		pct := func(p float64) time.Duration { return latencies[int(float64(len(latencies)-1)*p)] }
		b.ReportMetric(float64(pct(0.50).Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(pct(0.95).Microseconds())/1000, "p95-ms")
		b.ReportMetric(float64(latencies[len(latencies)-1].Microseconds())/1000, "max-ms")
		b.ReportMetric(float64(done), "klaar")
		b.ReportMetric(float64(stalls), "geen-update")
		if kb, err := strconv.Atoi(strings.TrimSuffix(rss, " kB")); err == nil {
			b.ReportMetric(float64(kb)/1024, "server-peak-RSS-MB")
		}
		if len(readies) > 0 {
			sort.Slice(readies, func(i, j int) bool { return readies[i] < readies[j] })
			b.Logf("summary on screen (v to the text, not a key measurement): p50 %v, p95 %v, max %v",
				readies[len(readies)/2], readies[int(float64(len(readies)-1)*0.95)], readies[len(readies)-1])
		}
		for k, ds := range byKind {
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			b.Logf("%-12s %4d keys: p50 %v, p95 %v, max %v", k, len(ds), ds[len(ds)/2], ds[int(float64(len(ds)-1)*0.95)], ds[len(ds)-1])
		}
		b.Logf("%d participants, %d measurements, %d at the summary; p50 %v, p95 %v, max %v; server VmHWM %s",
			participants, len(latencies), done, pct(0.5), pct(0.95), latencies[len(latencies)-1], rss)
		// The machine is shared: latency depends on the load, the
		// server's CPU time much less.
		b.Logf("load average at the start %s, at the end %s; server CPU %d ms (%.1f ms per measured key)",
			load0, load1, cpuMS, float64(cpuMS)/float64(len(latencies)))
		b.ReportMetric(float64(cpuMS), "server-CPU-ms")
	}
}

type keyLatency struct {
	kind string
	d    time.Duration
}

// benchWalk is participant i: join, walk to the summary, read three
// sections, quit. It measures every key that changes the screen. At
// question q it picks option 2 when bit q%5 of i is set, else option 1:
// a room gives different answers, so the summaries differ too (32
// patterns for 40 participants, as a room repeats some answers).
func benchWalk(addr string, i int, size [2]int, gap time.Duration, deadline time.Time) (lat []keyLatency, ready time.Duration, finished bool, stalled int, err error) {
	user := fmt.Sprintf("deelnemer%d", i)
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.Password(testCode)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		return nil, 0, false, 0, err
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return nil, 0, false, 0, err
	}
	if err := sess.RequestPty("xterm-256color", size[1], size[0], gossh.TerminalModes{}); err != nil {
		return nil, 0, false, 0, err
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		return nil, 0, false, 0, err
	}
	var (
		mu   sync.Mutex
		text strings.Builder
	)
	chunk := make(chan time.Time, 1)
	go func() {
		buf := make([]byte, 32*1024)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				mu.Lock()
				text.Write(buf[:n])
				mu.Unlock()
				select {
				case chunk <- time.Now():
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	// screen is the recent output without escape sequences; only the
	// tail, so the client does not spend the CPU the server needs.
	screen := func() string {
		mu.Lock()
		defer mu.Unlock()
		s := text.String()
		return ansi.Strip(s[max(0, len(s)-16*1024):])
	}
	// press sends k; with measure it waits for the next output and
	// records how long that took.
	press := func(k string, measure bool) {
		kind := map[string]string{"\r": "enter", "v": "samenvatting", "n": "deel"}[k]
		if strings.HasPrefix(k, "deelnemer") {
			kind = "naam"
		}
		time.Sleep(gap)
		select {
		case <-chunk:
		default:
		}
		t0 := time.Now()
		if _, err := in.Write([]byte(k)); err != nil {
			return
		}
		if !measure {
			return
		}
		select {
		case t := <-chunk:
			lat = append(lat, keyLatency{kind, t.Sub(t0)})
		case <-time.After(5 * time.Second):
			stalled++
		}
	}
	waitText := func(s string) bool {
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
			if strings.Contains(screen(), s) {
				return true
			}
		}
		return false
	}
	if !waitText("Hoe heet je") {
		return lat, 0, false, stalled, fmt.Errorf("no name screen")
	}
	press(user+"\r", true) // name
	press("\r", true)      // welcome: begin
	for q := range 40 {
		if time.Now().After(deadline) {
			return lat, 0, false, stalled, fmt.Errorf("out of time")
		}
		pick := "1"
		if i>>(q%5)&1 == 1 {
			pick = "2"
		}
		press(pick, false)
		press("\r", true)
		if strings.Contains(screen(), "Kloppen je antwoorden?") {
			break
		}
	}
	press("v", true)
	t0 := time.Now()
	finished = waitText("Afstandsonderwijs in je les")
	ready = time.Since(t0)
	for range 3 {
		press("n", true)
	}
	press("q", false)
	return lat, ready, finished, stalled, nil
}
