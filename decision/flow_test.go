package decision

import (
	"slices"
	"strings"
	"testing"
)

// After is the next question on the path, answered or not, else the
// first open one (issue 17: one place decides the order for both
// presenters).
func TestAfter(t *testing.T) {
	e := engine(t)
	a := Answers{}
	for q := e.Next(a); q != nil; q = e.Next(a) {
		a[q.ID] = []string{q.Options[0].Value}
	}
	vis := e.Visible(a)
	for i, q := range vis[:len(vis)-1] {
		if got := e.After(a, q.ID); got != vis[i+1] {
			t.Fatalf("After(%s) = %v, want %s", q.ID, got, vis[i+1].ID)
		}
	}
	if got := e.After(a, vis[len(vis)-1].ID); got != nil {
		t.Fatalf("After(last) = %s, want nil", got.ID)
	}
	// The last question answered, an earlier one open: that one follows.
	b := a.Clone()
	delete(b, vis[1].ID)
	if got := e.After(b, vis[len(vis)-1].ID); got == nil || got.ID != vis[1].ID {
		t.Fatalf("After(last) with %s open = %v", vis[1].ID, got)
	}
}

func TestAnswerText(t *testing.T) {
	e := engine(t)
	q := e.C.Question("activiteiten")
	if got := AnswerText(q, nil); got != "geen van deze" {
		t.Fatalf("empty: %q", got)
	}
	if got := AnswerText(q, []string{q.Options[0].Value, q.Options[1].Value}); got != q.Options[0].Label+", "+q.Options[1].Label {
		t.Fatalf("two: %q", got)
	}
}

// ChangeNote names every question a change makes apply, and every answer
// it makes not count.
func TestChangeNoteNamesAll(t *testing.T) {
	e := engine(t)
	full := Answers{}
	for q := e.Next(full); q != nil; q = e.Next(full) {
		full[q.ID] = []string{q.Options[len(q.Options)-1].Value}
	}
	// Every single change, and every pair of changes (a detour through
	// two answers): the note names all questions that changed.
	type change struct{ id, value string }
	var changes []change
	for _, q := range e.Visible(full) {
		for _, o := range q.Options {
			changes = append(changes, change{q.ID, o.Value})
		}
	}
	most := 0
	check := func(first change, more ...change) {
		after := full.Clone()
		for _, c := range append([]change{first}, more...) {
			after[c.id] = []string{c.value}
		}
		note := e.ChangeNote(full, after, first.id)
		if note == "" {
			return
		}
		var changed []string
		for _, v := range e.Visible(after) {
			if !slices.Contains(e.Visible(full), v) {
				changed = append(changed, v.Short)
			}
		}
		for _, d := range e.Dropped(after) {
			if !slices.Contains(e.Dropped(full), d) {
				changed = append(changed, d.Short)
			}
		}
		for _, s := range changed {
			if !strings.Contains(note, s) {
				t.Errorf("%v: %q missing from %q", append([]change{first}, more...), s, note)
			}
		}
		most = max(most, len(changed))
	}
	for i, a := range changes {
		check(a)
		for _, b := range changes[i+1:] {
			if b.id != a.id {
				check(a, b)
			}
		}
	}
	// The built-in content has one question with a condition now, so a
	// change adds or drops one; every single and double change is checked.
	if most < 1 {
		t.Fatal("no change adds or drops a question: the test proves nothing")
	}
}
