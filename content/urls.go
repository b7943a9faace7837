package content

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
