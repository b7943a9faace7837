package linemode

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// maxLine is the longest input line taken as an answer.
const maxLine = 64 << 10

// lineReader reads lines of any length: a line over maxLine is read to its
// end and reported as too long, so a pasted text cannot stop the run with
// "token too long" or fill the memory.
type lineReader struct{ r *bufio.Reader }

func newLineReader(r io.Reader) *lineReader { return &lineReader{bufio.NewReaderSize(r, 4096)} }

// next returns the next line without its line ending; err is io.EOF at the
// end of input (a last line without a newline is still returned).
func (l *lineReader) next() (line string, tooLong bool, err error) {
	var b []byte
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(b)+len(chunk) > maxLine+2 {
			tooLong = true
			b = nil
		} else if !tooLong {
			b = append(b, chunk...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && (len(b) > 0 || tooLong):
			// The last line has no newline: return it now, EOF next time.
		case err != nil:
			return "", false, err
		}
		break
	}
	if tooLong {
		return "", true, nil
	}
	s := strings.TrimRight(string(b), "\r\n")
	if len(s) > maxLine {
		return "", true, nil
	}
	return s, false, nil
}

// invalid handles a line that is not a valid answer. At a terminal the
// question is asked again (retry true); in a script the run stops, naming
// the input line, and err is the error to return.
func (p *run) invalid(problem string) (retry bool, err error) {
	if !p.script {
		p.say("%s", problem)
		p.say("")
		return true, nil
	}
	p.say("%s", problem)
	// Wrapped at the width as everything else; the path stays whole on
	// a line of its own.
	p.sayTo(p.errOut, fmt.Sprintf("Regel %d van de invoer is geen geldig antwoord: %s", p.line, problem))
	switch saved := len(p.answers) > 0 && p.save(); {
	case saved && p.remote:
		p.sayTo(p.errOut, "De antwoorden tot die regel zijn bewaard "+trainerPlace+".")
	case saved:
		p.sayTo(p.errOut, "De antwoorden tot die regel zijn bewaard in:")
		fmt.Fprintln(p.errOut, "  "+session.ShownPath(p.session))
	}
	return false, fmt.Errorf("regel %d van de invoer: %w", p.line, ErrInput)
}

// nextLine reads the next line; with an Interrupt channel (ctrl+c at a
// terminal) the wait ends when it fires, and interrupted is set.
func (p *run) nextLine() (string, bool, error) {
	if p.intr == nil {
		return p.in.next()
	}
	type result struct {
		line    string
		tooLong bool
		err     error
	}
	ch := make(chan result, 1)
	go func() {
		// Left waiting when interrupted: the program ends right after.
		line, tooLong, err := p.in.next()
		ch <- result{line, tooLong, err}
	}()
	select {
	case r := <-ch:
		return r.line, r.tooLong, r.err
	case <-p.intr:
		p.interrupted = true
		return "", false, io.EOF
	}
}
