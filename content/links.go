package content

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Link states reported by CheckLinks.
const (
	LinkOK         = "werkt"
	LinkRedirected = "doorgestuurd"
	LinkBroken     = "kapot"
)

// LinkResult is what one URL answered.
type LinkResult struct {
	URL    string
	Status string // LinkOK, LinkRedirected or LinkBroken
	Code   int    // last HTTP status, 0 when none
	NewURL string // where a redirect ended
	Err    string // Dutch reason when broken
}

// LinkOptions tune CheckLinks; zero values mean the defaults.
type LinkOptions struct {
	Client      *http.Client // nil: a client with Timeout
	Timeout     time.Duration
	Concurrency int
	UserAgent   string
}

// UniqueURLs lists every URL in the content once, in order of appearance.
func UniqueURLs(c *Content) []string {
	seen := map[string]bool{}
	var out []string
	for _, u := range append([]string{c.Meta.URL, c.Meta.VOURL}, resourceURLs(c)...) {
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

func resourceURLs(c *Content) []string {
	out := make([]string, len(c.Resources))
	for i, r := range c.Resources {
		out[i] = r.URL
	}
	return out
}

// CheckLinks requests every URL (HEAD, falling back to GET for servers that
// refuse HEAD), at most opt.Concurrency at once, and reports each. It is
// the only code in the program that uses the network, and only when asked.
func CheckLinks(ctx context.Context, urls []string, opt LinkOptions) []LinkResult {
	if opt.Timeout == 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 4
	}
	if opt.UserAgent == "" {
		opt.UserAgent = "afstandswijzer-linkcontrole (controleert de links in de inhoud)"
	}
	base := opt.Client
	if base == nil {
		base = &http.Client{}
	}
	results := make([]LinkResult, len(urls))
	sem := make(chan struct{}, opt.Concurrency)
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = checkOne(ctx, base, u, opt)
		}()
	}
	wg.Wait()
	return results
}

func checkOne(ctx context.Context, base *http.Client, raw string, opt LinkOptions) LinkResult {
	res := LinkResult{URL: raw}
	// Copy the client so the redirect hook records this URL's last hop only.
	client := *base
	final := raw
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("te veel doorverwijzingen")
		}
		final = req.URL.String()
		return nil
	}
	do := func(method string) (*http.Response, error) {
		cctx, cancel := context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
		req, err := http.NewRequestWithContext(cctx, method, raw, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("User-Agent", opt.UserAgent)
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
		return resp, nil
	}
	resp, err := do(http.MethodHead)
	if err != nil || resp.StatusCode == http.StatusMethodNotAllowed || resp.StatusCode == http.StatusNotImplemented || resp.StatusCode == http.StatusForbidden {
		final = raw
		resp, err = do(http.MethodGet)
	}
	if err != nil {
		res.Status, res.Err = LinkBroken, describeNetError(err)
		return res
	}
	res.Code = resp.StatusCode
	switch {
	case resp.StatusCode >= 400:
		res.Status, res.Err = LinkBroken, fmt.Sprintf("de server antwoordt %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	case final != raw && !sameExceptSlash(final, raw):
		res.Status, res.NewURL = LinkRedirected, final
	default:
		res.Status = LinkOK
	}
	return res
}

// sameExceptSlash treats "https://x.nl" and "https://x.nl/" as one address.
func sameExceptSlash(a, b string) bool {
	ua, e1 := url.Parse(a)
	ub, e2 := url.Parse(b)
	if e1 != nil || e2 != nil {
		return false
	}
	pa, pb := ua.Path, ub.Path
	if pa == "" {
		pa = "/"
	}
	if pb == "" {
		pb = "/"
	}
	return ua.Scheme == ub.Scheme && ua.Host == ub.Host && pa == pb && ua.RawQuery == ub.RawQuery
}

func describeNetError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return "geen antwoord binnen de tijd"
		}
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "geen antwoord binnen de tijd"
	}
	return "niet bereikbaar: " + err.Error()
}
