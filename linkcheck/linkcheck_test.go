package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestCheckLinksAgainstLocalServer(t *testing.T) {
	var inFlight, maxInFlight atomic.Int32
	var agent atomic.Value
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		agent.Store(r.UserAgent())
		switch r.URL.Path {
		case "/goed":
			w.WriteHeader(200)
		case "/oud":
			http.Redirect(w, r, "/nieuw", http.StatusMovedPermanently)
		case "/nieuw":
			w.WriteHeader(200)
		case "/geen-head":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
				return
			}
			w.WriteHeader(200)
		case "/traag":
			time.Sleep(2 * time.Second)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	urls := []string{srv.URL + "/goed", srv.URL + "/oud", srv.URL + "/weg", srv.URL + "/geen-head", srv.URL + "/traag"}
	for i := 0; i < 8; i++ {
		urls = append(urls, srv.URL+"/goed?"+strings.Repeat("x", i+1))
	}
	res := Check(context.Background(), urls, Options{Client: srv.Client(), Timeout: 300 * time.Millisecond})
	want := map[string]string{"/goed": OK, "/oud": Redirected, "/weg": Broken, "/geen-head": OK, "/traag": Broken}
	for _, r := range res[:5] {
		path := strings.TrimPrefix(r.URL, srv.URL)
		if r.Status != want[path] {
			t.Errorf("%s: %s (%s), want %s", path, r.Status, r.Err, want[path])
		}
	}
	if res[1].NewURL != srv.URL+"/nieuw" {
		t.Errorf("redirect target %q", res[1].NewURL)
	}
	if !strings.Contains(res[2].Err, "404") {
		t.Errorf("broken link reason %q", res[2].Err)
	}
	if !strings.Contains(res[4].Err, "tijd") {
		t.Errorf("timeout reason %q", res[4].Err)
	}
	if m := maxInFlight.Load(); m > 4 {
		t.Errorf("max requests at once %d, want at most 4 (the default)", m)
	}
	if ua, _ := agent.Load().(string); !strings.Contains(ua, "afstandswijzer") {
		t.Errorf("user agent %q", ua)
	}
}

// TestConcurrencyLimit holds every request in the server until the test
// lets it go, one at a time, so the number in flight is what the limit
// allows and not what the timing happens to overlap.
func TestConcurrencyLimit(t *testing.T) {
	const limit, total = 3, 10
	var mu sync.Mutex
	inFlight, maxInFlight := 0, 0
	arrived := make(chan struct{}, total)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		maxInFlight = max(maxInFlight, inFlight)
		mu.Unlock()
		arrived <- struct{}{}
		<-release
		mu.Lock()
		inFlight--
		mu.Unlock()
	}))
	defer srv.Close()
	var urls []string
	for i := range total {
		urls = append(urls, fmt.Sprintf("%s/%d", srv.URL, i))
	}
	done := make(chan []Result, 1)
	go func() {
		done <- Check(context.Background(), urls, Options{Client: srv.Client(), Concurrency: limit, Timeout: time.Minute})
	}()
	for released := 0; released < total; released++ {
		// Before each release, as many requests as the limit allows
		// (fewer at the end) must be waiting in the server.
		want := min(limit, total-released)
		for {
			mu.Lock()
			n := inFlight
			mu.Unlock()
			if n >= want {
				break
			}
			select {
			case <-arrived:
			case <-time.After(10 * time.Second):
				t.Fatalf("only %d requests in flight after %d released, want %d", n, released, want)
			}
		}
		release <- struct{}{}
	}
	res := <-done
	for _, r := range res {
		if r.Status != OK {
			t.Errorf("%s: %s (%s)", r.URL, r.Status, r.Err)
		}
	}
	if maxInFlight != limit {
		t.Errorf("max requests at once %d, want exactly the limit %d", maxInFlight, limit)
	}
}
