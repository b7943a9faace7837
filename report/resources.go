package report

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// writeResources writes the resources as a list. Resources on the same
// site (mbo.lesopafstand.nl has many topics) share one item with the
// address once and the topics in one sentence.
func writeResources(b *strings.Builder, rs []*content.Resource) {
	var urls []string
	byURL := map[string][]*content.Resource{}
	for _, r := range rs {
		if _, ok := byURL[r.URL]; !ok {
			urls = append(urls, r.URL)
		}
		byURL[r.URL] = append(byURL[r.URL], r)
	}
	// An organisation written as "Full name, ABBR" is named in full once,
	// then by its abbreviation, as in running text.
	named := map[string]bool{}
	org := func(r *content.Resource) string {
		o := oneLine(r.Organisation)
		i := strings.LastIndex(o, ", ")
		if i < 0 || !named[o] {
			named[o] = true
			return o
		}
		return o[i+2:]
	}
	for _, u := range urls {
		group := byURL[u]
		if len(group) == 1 {
			r := *group[0]
			r.Organisation = org(group[0])
			writeResource(b, &r, true)
			continue
		}
		// The topics say what each title says; the titles stay in the JSON.
		var looks []string
		for _, r := range group {
			look := strings.TrimSuffix(firstSentence(r.LookFor), ".")
			if look == "" {
				look = oneLine(r.Title)
			}
			looks = append(looks, look)
		}
		fmt.Fprintf(b, "- **%s** (%s). Zoek daar naar %s.  \n  %s\n", esc(host(u)), esc(org(group[0])), esc(topicList(looks)), u)
	}
}

// repeats is true when a search hint says what the title says: one holds
// the other, apart from case, a leading article and the final full stop.
func repeats(hint, title string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSuffix(oneLine(s), "."))
		for _, art := range []string{"de ", "het ", "een "} {
			s = strings.TrimPrefix(s, art)
		}
		return s
	}
	h, t := norm(hint), norm(title)
	return h != "" && t != "" && (strings.Contains(h, t) || strings.Contains(t, h))
}

// topicPrefix is how the content names a topic of a site in "zoek":
// "het onderwerp 'lesontwerp'".
const topicPrefix = "het onderwerp "

// topicList joins what to look for into one phrase: "de onderwerpen
// 'lesontwerp', 'multimedia' en 'uitleg geven', en de pagina waar je zelf
// vragen kunt stellen" rather than a line per topic.
func topicList(looks []string) string {
	var topics, other []string
	for _, l := range looks {
		if t, ok := strings.CutPrefix(l, topicPrefix); ok && len(t) > 2 && strings.HasPrefix(t, "'") && strings.HasSuffix(t, "'") {
			topics = append(topics, t)
		} else {
			other = append(other, l)
		}
	}
	var parts []string
	switch len(topics) {
	case 0:
	case 1:
		parts = append(parts, topicPrefix+topics[0])
	default:
		parts = append(parts, "de onderwerpen "+andList(topics))
	}
	parts = append(parts, other...)
	if len(other) > 1 {
		// Hints are phrases with "en" in them: a semicolon keeps them
		// apart.
		return strings.Join(parts, "; ")
	}
	if len(parts) > 1 && len(topics) > 1 {
		// "de onderwerpen 'a' en 'b', en de pagina ...": a comma keeps the
		// last topic apart from the rest.
		return strings.Join(parts[:len(parts)-1], ", ") + ", en " + parts[len(parts)-1]
	}
	return andList(parts)
}

// andList joins items as Dutch does: "a, b en c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " en " + items[len(items)-1]
}

// host is a URL's site name without "www.", as a short title.
func host(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return u
	}
	return strings.TrimPrefix(p.Host, "www.")
}

// writeResource writes one resource as a list item: title and
// organisation, the URL as text on a line of its own, and what to look
// for there. Hard line breaks, not a blank line: a blank line makes a
// loose list item, and Glamour then runs its two paragraphs together on
// one line. short keeps only the first sentence of "zoek" (the summary);
// the full list of resources gives it all.
func writeResource(b *strings.Builder, r *content.Resource, short bool) {
	look := oneLine(r.LookFor)
	if !short {
		fmt.Fprintf(b, "- **%s** (%s)  \n  %s", esc(r.Title), esc(r.Organisation), r.URL)
		if look != "" {
			fmt.Fprintf(b, "  \n  Zoek daar naar: %s", esc(look))
		}
		b.WriteString("\n")
		return
	}
	// Short: what to look for shares the title's lines, the URL stands
	// last on a line of its own. Only an address above the page (zekerheid
	// "ouder": a site or a parent page) needs its search hint here, and not
	// when the hint only says the title again; the full list of resources
	// gives every hint.
	fmt.Fprintf(b, "- **%s** (%s)", esc(r.Title), esc(r.Organisation))
	if r.Certainty != "ouder" || repeats(look, r.Title) {
		look = ""
	}
	if look = firstSentence(look); look != "" {
		fmt.Fprintf(b, ". Zoek daar naar: %s", esc(look))
	}
	fmt.Fprintf(b, "  \n  %s\n", r.URL)
}
