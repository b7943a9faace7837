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
	found := false
	for _, q := range e.Visible(full) {
		for _, o := range q.Options {
			after := full.Clone()
			after[q.ID] = []string{o.Value}
			note := e.ChangeNote(full, after, q.ID)
			var added []string
			for _, v := range e.Visible(after) {
				if !slices.Contains(e.Visible(full), v) {
					added = append(added, v.Short)
				}
			}
			for _, d := range e.Dropped(after) {
				if !slices.Contains(e.Dropped(full), d) {
					added = append(added, d.Short)
				}
			}
			for _, s := range added {
				if !strings.Contains(note, s) {
					t.Errorf("%s=%s: %q missing from %q", q.ID, o.Value, s, note)
				}
			}
			found = found || len(added) >= 2
		}
	}
	if !found {
		t.Fatal("no change adds or drops two questions: the test proves nothing")
	}
}
