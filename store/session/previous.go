package session

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// PreviousSuffix names the copy of a complete session that a new run is
// about to replace (sessie.toml.vorige).
const PreviousSuffix = ".vorige"

// IsComplete reports whether a holds an answer to every question on its
// path: such a session is never replaced without a copy (KeepComplete).
func IsComplete(e *decision.Engine, a decision.Answers) bool {
	return len(a) > 0 && e.Complete(a)
}

// KeepComplete copies the session at path to path+".vorige" when it holds
// a complete set of answers, before a run that started over replaces it:
// a piped `printf '1\n2\n' | afstandswijzer` must not silently destroy a
// finished session. It returns the copy's path, or "" when there was
// nothing complete to keep. On an error the caller must not save: the
// complete session would be lost.
func KeepComplete(e *decision.Engine, path string) (string, error) {
	if path == "" {
		return "", nil
	}
	data, err := readLimited(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	a, err := e.ParseAnswers("sessie.toml", data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true})
	if err != nil || !IsComplete(e, a) {
		return "", nil
	}
	prev := path + PreviousSuffix
	if err := Save(prev, data); err != nil {
		return "", err
	}
	return prev, nil
}

// ShownPath is a path as the presenters show it on a line of its own:
// sanitized (a folder name with escape sequences must not reach the
// terminal) and quoted for a shell when it holds a space or a quote, so it
// can be copied whole.
func ShownPath(path string) string {
	s := content.SanitizeLine(path)
	if strings.ContainsAny(s, " '\"$`\\") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}
