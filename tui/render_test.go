package tui

import (
	"container/list"
	"strings"
	"sync"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/report"
)

func summaryDoc(t *testing.T) report.Document {
	t.Helper()
	e := testEngine(t)
	return report.Summary(e.Summarize(fullPath(e, nil)))
}

// A cached rendering is the same text as a fresh one, and a second render
// of the same document renders nothing again.
func TestRenderCacheSameText(t *testing.T) {
	doc := summaryDoc(t)
	k := renderKey{width: 90}
	fresh := renderDoc(newRendererPool(), k, doc)
	pool := newRendererPool()
	first := renderDoc(pool, k, doc)
	n := pool.renders
	second := renderDocIn(pool, k, doc, make(chan struct{}, 1))
	if first.text != fresh.text || second.text != fresh.text || !equalInts(second.starts, fresh.starts) {
		t.Fatal("the cached rendering differs from a new one")
	}
	if n != len(docParts(doc)) || pool.renders != n {
		t.Fatalf("%d parts rendered, then %d; want %d and nothing more", n, pool.renders, len(docParts(doc)))
	}
	// Another style or wrap width is another rendering.
	renderDoc(pool, renderKey{width: 90, light: true}, doc)
	if pool.renders != 2*n {
		t.Fatalf("light theme reuses the dark one: %d renders", pool.renders)
	}
	renderDoc(pool, renderKey{width: 80}, doc)
	if pool.renders != 3*n {
		t.Fatalf("80 columns reuses 90: %d renders", pool.renders)
	}
	// Wider than the wrap width is the same text: rendered once, and
	// each result carries the window's own key.
	wide := renderDoc(pool, renderKey{width: 100}, doc)
	wider := renderDoc(pool, renderKey{width: 160}, doc)
	if pool.renders != 4*n || wide.text != wider.text || wider.key.width != 160 {
		t.Fatalf("100 and 160 columns: %d renders, same text %v, key %v", pool.renders, wide.text == wider.text, wider.key)
	}
}

// A room opening the same summary at once renders each part once.
func TestRenderSameDocConcurrently(t *testing.T) {
	doc := summaryDoc(t)
	pool := newRendererPool()
	k := renderKey{width: 80}
	var wg sync.WaitGroup
	texts := make([]string, 12)
	for i := range texts {
		wg.Go(func() { texts[i] = renderDocIn(pool, k, doc, make(chan struct{}, 4)).text })
	}
	wg.Wait()
	for _, s := range texts[1:] {
		if s != texts[0] {
			t.Fatal("concurrent renderings differ")
		}
	}
	if pool.renders != len(docParts(doc)) {
		t.Fatalf("%d parts rendered for %d different ones", pool.renders, len(docParts(doc)))
	}
}

// Remote renders hold a slot: never more summaries at the same time than
// the slots allow, while a local render uses every core.
func TestRenderSlotsBoundConcurrency(t *testing.T) {
	doc := summaryDoc(t)
	for _, tc := range []struct {
		slots chan struct{}
		most  int
	}{{make(chan struct{}, 1), 1}, {make(chan struct{}, 2), 2}} {
		pool := newRendererPool()
		var wg sync.WaitGroup
		for i := range 4 {
			// Different widths: nothing comes from the cache.
			wg.Go(func() { renderDocIn(pool, renderKey{width: 70 + i}, doc, tc.slots) })
		}
		wg.Wait()
		if pool.peak > tc.most || pool.renders != 4*len(docParts(doc)) {
			t.Errorf("%d renders at once with %d slots (%d parts)", pool.peak, tc.most, pool.renders)
		}
	}
}

// The cache stays within its bytes and drops the least recently used.
func TestPartCacheBounded(t *testing.T) {
	c := partCache{max: 100, ll: list.New(), items: map[partKey]*list.Element{}}
	key := func(s string) partKey { return partKey{renderKey{width: 80}, s} }
	c.add(key("a"), strings.Repeat("x", 39)) // 40
	c.add(key("b"), strings.Repeat("x", 39)) // 80
	c.get(key("a"))                          // a is now more recent than b
	c.add(key("c"), strings.Repeat("x", 39)) // 120: b goes
	if _, ok := c.get(key("b")); ok {
		t.Error("b should have been evicted")
	}
	if _, ok := c.get(key("a")); !ok {
		t.Error("a was used recently and must stay")
	}
	if c.size > c.max {
		t.Errorf("cache holds %d bytes, max %d", c.size, c.max)
	}
	c.add(key("groot"), strings.Repeat("x", 200))
	if _, ok := c.get(key("groot")); ok {
		t.Error("a part larger than the cache is kept")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
