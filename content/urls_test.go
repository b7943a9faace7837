package content

import "testing"

func TestUniqueURLs(t *testing.T) {
	c, err := Load(Default())
	if err != nil {
		t.Fatal(err)
	}
	urls := UniqueURLs(c)
	seen := map[string]bool{}
	for _, u := range urls {
		if seen[u] {
			t.Fatalf("%s listed twice", u)
		}
		seen[u] = true
	}
	if !seen["https://mbo.lesopafstand.nl"] || !seen[c.Meta.URL] {
		t.Fatal("known URLs missing")
	}
}
