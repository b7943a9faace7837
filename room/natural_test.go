package room

import (
	"slices"
	"testing"
	"time"
)

func TestNaturalSort(t *testing.T) {
	got := []string{"deelnemer-10", "b", "deelnemer-2", "a10", "a2", "a02", "deelnemer-1", "a"}
	sortNatural(got, func(s string) string { return s })
	want := []string{"a", "a2", "a02", "a10", "b", "deelnemer-1", "deelnemer-2", "deelnemer-10"}
	if !slices.Equal(got, want) {
		t.Fatalf("natural order:\n got %q\nwant %q", got, want)
	}
}

func TestRoundSnapshotIsACopy(t *testing.T) {
	r, err := newRoom(testEngine(t), t.TempDir(), 5, func() time.Time { return testDate }, caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	s := r.roundSnapshot()
	if s.ID != 1 || s.Title != eigenLes || s.Case != "" || len(s.Participants) != 0 {
		t.Fatalf("first round of an empty room: %+v", s)
	}
}
