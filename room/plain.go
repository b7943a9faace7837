package room

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"charm.land/ssh"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
	"github.com/afstandswijzer/afstandswijzer/linemode"
)

// Texts of the name screen, shared by the full screen and the line mode.
const (
	noNameText   = "Typ een naam met minstens één letter of cijfer."
	nameUsedText = "Iemand anders doet al mee met de naam %s. Kies een andere naam, bijvoorbeeld %s."
)

// defaultNameTimeout ends a connection that types no name: it would
// hold a place on the name screen for nothing (room.nameTimeout).
const defaultNameTimeout = 2 * time.Minute

const nameTimeoutText = "Je hebt een tijd geen naam getypt. Log opnieuw in als je mee wilt doen."

// joinError is the Dutch line for a name join refused, and whether the
// participant may try again.
func joinError(err error, name string) (string, bool) {
	var taken *nameTaken
	switch {
	case errors.As(err, &taken):
		return fmt.Sprintf(nameUsedText, DisplayName(name), taken.free), true
	case errors.Is(err, errFull):
		return "De studiemiddag is vol. Vraag de trainer wat je kunt doen.", false
	}
	return noNameText, true
}

// plainName asks for a name in the line mode until join accepts one.
func (s *server) plainName(sess ssh.Session, in *bufio.Reader, t *ticket) (*participant, bool) {
	timer := time.AfterFunc(s.room.nameTimeout, func() {
		fmt.Fprintln(sess, "\n"+nameTimeoutText)
		_ = sess.Close()
	})
	defer timer.Stop()
	kick := func(text string) {
		fmt.Fprintln(sess, "\n"+text)
		_ = sess.Close()
	}
	s.room.onBye(t, kick)
	for range 5 {
		fmt.Fprint(sess, "Hoe heet je, of hoe heet je team? ")
		line, err := in.ReadSlice('\n')
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return nil, false
		}
		timer.Reset(s.room.nameTimeout)
		t.touch()
		name := strings.TrimSpace(string(line))
		p, returning, err := s.room.join(t, name, kick, nil)
		if err == nil {
			return p, returning
		}
		text, again := joinError(err, name)
		fmt.Fprintln(sess, text)
		if !again {
			return nil, false
		}
	}
	return nil, false
}

// handlePlain runs the line mode for a session without a pty (ssh -T, or
// a screen reader user who prefers it). In a round with a case it starts
// on the case's review, as the full screen does: a new participant with
// the case's answers, a returning one with their own.
func (s *server) handlePlain(sess ssh.Session) {
	t := sess.Context().Value(ticketCtx).(*ticket)
	in := bufio.NewReaderSize(sess, 4096)
	fmt.Fprint(sess, wrap.Words(plainWelcome, 80)+"\n\n")
	p, _ := s.plainName(sess, in, t)
	if p == nil {
		return
	}
	defer s.room.leave(p)
	round, cs, saved := s.room.startScreen(p)
	path := s.room.sessionPath(round, p.file)
	opt := linemode.Options{
		Engine: s.room.eng, SessionPath: path, Resume: linemode.ResumeContinue, Remote: true,
		Dir: s.room.outputPath(p.file), Now: s.room.now,
	}
	if cs.answers != nil {
		opt.Answers, opt.Title, opt.Story = saved, cs.title, cs.story
	}
	// The line mode names no path or command of the trainer's laptop
	// (Remote); should a message still hold one, it is replaced here.
	out := &replaceWriter{w: sess, r: strings.NewReplacer(
		path, "de map van de trainer",
		linemode.ContinueCmd, "opnieuw inloggen met dezelfde naam",
	)}
	// The line mode saves its own session file after every answer;
	// the room reads it before the next line.
	var last []byte
	told := false
	sync := func() {
		// The line mode stays in the round it started in; say once
		// that a new one began.
		if now, cs := s.room.currentRound(); now != round && !told {
			told = true
			title := cs.title
			if title == "" {
				title = "je eigen les"
			}
			fmt.Fprintln(out, "\n"+wrap.Words("De trainer is een nieuwe ronde begonnen: "+content.Clean(title)+". Log opnieuw in om daaraan mee te doen. Je antwoorden van deze ronde zijn bewaard.", 80))
		}
		data, err := os.ReadFile(path)
		if err != nil || bytes.Equal(data, last) {
			return
		}
		last = data
		a, err := s.room.eng.ParseAnswers(p.file, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true})
		if err == nil {
			s.room.answersFor(p, round, a)
		}
	}
	opt.In, opt.Out = &syncReader{r: in, sync: sync}, out
	err := linemode.Run(opt)
	sync()
	if err != nil && !errors.Is(err, linemode.ErrInput) {
		s.room.log("%s: %v", p.name, err)
	}
}
