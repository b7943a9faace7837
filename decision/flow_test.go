package decision

import "testing"

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
