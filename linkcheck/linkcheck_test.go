package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
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
			time.Sleep(20 * time.Millisecond) // overlap requests to see the limit
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
	if m := maxInFlight.Load(); m > 4 || m < 2 {
		t.Errorf("max requests at once %d, want 2..4", m)
	}
	if ua, _ := agent.Load().(string); !strings.Contains(ua, "afstandswijzer") {
		t.Errorf("user agent %q", ua)
	}
}
