package room

import (
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/store/safefile"
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
		path, err = session.SaveNew(b.opt.Dir, "ronde", ".html", now(), page)
	}
	if err == nil {
		// The JSON takes the HTML's name, never over another file.
		err = safefile.CreateNew(strings.TrimSuffix(path, ".html")+".json", js, safefile.ExportMode)
	}
	if err != nil {
		b.status = "De ronde is niet opgeslagen: " + session.FileError(err)
		return
	}
	b.status = "Ronde opgeslagen: " + path + " (en .json)"
}
