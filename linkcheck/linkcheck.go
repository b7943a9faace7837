// Package linkcheck asks each web address in the content whether it still
// answers. It is the only code in the program that uses the network, and
// only when `afstandswijzer controleer --links` asks for it. It imports
// nothing of this module.
package linkcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"sync"
	"syscall"
	"time"
)

// Link states reported by Check.
const (
	OK         = "werkt"
	Redirected = "doorgestuurd"
	Broken     = "kapot"
)

// Result is what one URL answered.
type Result struct {
	URL    string
	Status string // OK, Redirected or Broken
	Code   int    // last HTTP status, 0 when none
	NewURL string // where a redirect ended
	Err    string // Dutch reason when broken
	// Kind groups the reasons: KindNoAddress, KindNoConnection,
	// KindTimeout, KindTLS, KindStatus or KindOther. When every link fails
	// with the same kind of network error, the computer is probably offline.
	Kind string
}

// Kinds of broken links.
const (
	KindNoAddress    = "adres"
	KindNoConnection = "verbinding"
	KindTimeout      = "tijd"
	KindTLS          = "beveiliging"
	KindStatus       = "status"
	KindOther        = "anders"
)

// Options tune Check; zero values mean the defaults.
type Options struct {
	Client      *http.Client // nil: a client with Timeout
	Timeout     time.Duration
	Concurrency int
	UserAgent   string
}

// Check requests every URL (HEAD, falling back to GET for servers that
// refuse HEAD), at most opt.Concurrency at once, and reports each. It is
// the only code in the program that uses the network, and only when asked.
func Check(ctx context.Context, urls []string, opt Options) []Result {
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
	results := make([]Result, len(urls))
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

func checkOne(ctx context.Context, base *http.Client, raw string, opt Options) Result {
	res := Result{URL: raw}
	// Copy the client so the redirect hook records this URL's last hop only.
	client := *base
	final := raw
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errTooManyRedirects
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
		res.Status = Broken
		res.Kind, res.Err = describeNetError(err)
		return res
	}
	res.Code = resp.StatusCode
	switch {
	case resp.StatusCode >= 400:
		res.Status, res.Kind, res.Err = Broken, KindStatus, dutchStatus(resp.StatusCode)
	case final != raw && !sameExceptSlash(final, raw):
		res.Status, res.NewURL = Redirected, final
	default:
		res.Status = OK
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

func describeNetError(err error) (kind, msg string) {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return KindTimeout, "geen antwoord binnen de tijd"
		}
		err = ue.Err
	}
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var rec tls.RecordHeaderError
	var unknownAuth x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return KindTimeout, "geen antwoord binnen de tijd"
	case errors.As(err, &dns):
		return KindNoAddress, "adres niet gevonden (de naam van de website is onbekend, of er is geen internet)"
	case errors.As(err, &cert), errors.As(err, &unknownAuth), errors.As(err, &hostname), errors.As(err, &invalid), errors.As(err, &rec):
		return KindTLS, "de beveiligde verbinding (https) klopt niet: het certificaat wordt niet vertrouwd"
	case errors.Is(err, errTooManyRedirects):
		return KindOther, "te veel doorverwijzingen"
	case errors.Is(err, syscall.ECONNREFUSED):
		return KindNoConnection, "geen verbinding (de server weigert)"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return KindNoConnection, "geen verbinding (het netwerk is niet bereikbaar)"
	}
	var op *net.OpError
	if errors.As(err, &op) {
		return KindNoConnection, "geen verbinding"
	}
	return KindOther, "geen verbinding (onbekende fout)"
}

var errTooManyRedirects = errors.New("te veel doorverwijzingen")

// dutchStatus describes an HTTP error status in Dutch.
func dutchStatus(code int) string {
	what := map[int]string{
		400: "ongeldig verzoek", 401: "inloggen nodig", 403: "geen toegang", 404: "pagina niet gevonden",
		410: "pagina verwijderd", 429: "te veel verzoeken, probeer het later", 500: "fout op de server",
		502: "fout op de server", 503: "de website is tijdelijk niet beschikbaar", 504: "de server antwoordt niet op tijd",
	}[code]
	if what == "" && code >= 500 {
		what = "fout op de server"
	} else if what == "" {
		what = "de pagina is niet te openen"
	}
	return fmt.Sprintf("de server antwoordt %d: %s", code, what)
}
