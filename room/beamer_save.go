package room

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// saveRound writes the round as counted now into the room folder: an
// inert HTML hand-out and the JSON, without names, never overwriting.
func (b *Beamer) saveRound() {
	if b.opt.Dir == "" {
		b.status = "Opslaan kan hier niet: er is geen map voor de antwoorden."
		return
	}
	now := time.Now
	if b.opt.Now != nil {
		now = b.opt.Now
	}
	r := report.NewRound(b.eng, b.count.caseName, b.count.people)
	page, err := report.RoundHTML(r, now())
	var js []byte
	if err == nil {
		js, err = report.RoundJSON(r)
	}
	var path string
	if err == nil {
		path, err = saveNew(b.opt.Dir, "ronde-"+now().Format("2006-01-02"), ".html", page)
	}
	if err == nil {
		_, err = saveNew(b.opt.Dir, strings.TrimSuffix(filepath.Base(path), ".html"), ".json", js)
	}
	if err != nil {
		b.status = "De ronde is niet opgeslagen: " + session.FileError(err)
		return
	}
	b.status = "Ronde opgeslagen: " + path + " (en .json)"
}
