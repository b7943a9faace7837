package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/store/safefile"
)

// answersFileError is why an answers file could not be used, in Dutch.
type answersFileError struct {
	path  string
	isDir bool  // a folder was given instead of a file
	read  error // set when the file could not be read
	bad   error // set when its content is wrong
}

func (e *answersFileError) Error() string {
	if e.isDir {
		return fmt.Sprintf("%s is een map, geen bestand; geef een antwoordenbestand op, bijvoorbeeld %s", e.path, filepath.Join(e.path, "antwoorden.toml"))
	}
	if e.read != nil {
		return fmt.Sprintf("kan %s niet lezen: %s", e.path, fileReason(e.read))
	}
	return "het antwoordenbestand klopt niet:\n" + e.bad.Error()
}

// readAnswers reads an answers file strictly. A [casus] table (title and
// story of an example case) is allowed and returned separately, so a
// trainer can use the case files with every command. A file over
// content.MaxAnswersSize, or shaped to make the TOML library slow, is
// refused before it is parsed.
func readAnswers(e *decision.Engine, path string) (decision.Answers, content.CaseInfo, error) {
	// Check for a folder first: reading one fails with an English
	// "is a directory".
	st, err := os.Stat(path)
	if err == nil && st.IsDir() {
		return nil, content.CaseInfo{}, &answersFileError{path: path, isDir: true}
	}
	var data []byte
	if err == nil {
		// Never open a FIFO or device: it would wait or read for ever.
		var f *os.File
		if f, err = safefile.OpenRegular(path); err == nil {
			data, err = content.ReadLimited(f, content.MaxAnswersSize)
			f.Close()
		}
	}
	var lerr *content.LimitError
	if err == nil {
		if l := content.CheckInput(data, content.MaxAnswersSize); l != nil {
			err = l
		}
	}
	if errors.As(err, &lerr) {
		return nil, content.CaseInfo{}, &answersFileError{path: path, bad: decision.AnswerErrors{{File: path, Line: lerr.Line, Msg: lerr.Msg}}}
	}
	if err != nil {
		return nil, content.CaseInfo{}, &answersFileError{path: path, read: err}
	}
	info, rest, _, err := content.SplitCase(path, data)
	if err != nil {
		return nil, info, &answersFileError{path: path, bad: err}
	}
	a, err := e.ParseAnswers(path, rest, decision.ParseOptions{})
	if err != nil {
		return nil, info, &answersFileError{path: path, bad: err}
	}
	return a, info, nil
}

// indentLines indents every line after the first, for multi-line messages.
func indentLines(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }
