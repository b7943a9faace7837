// Package linemode is the accessible line mode ("eenvoudige weergave"): the
// same interview as the full-screen program, as plain lines for screen
// readers and scripts. It is a second presenter over the same engine
// calls (Next, Visible, Position, Previous, Set), so branching cannot
// differ between the two, and it shares session loading with the
// full-screen program (package session). No alternate screen, no cursor
// movement, no colour, no box drawing: every line is written once, in
// reading order, wrapped at the terminal width between words.
//
// It may import store, report, decision and content; never tui.
package linemode

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// Options configure Run. Engine, In and Out are required.
type Options struct {
	Engine *decision.Engine
	In     io.Reader
	Out    io.Writer
	// Err receives the message when the input ends early or a line is not
	// a valid answer; nil means Out.
	Err io.Writer
	// SessionPath is where answers are saved after every answer, on stop
	// and at the end. Empty means the full-screen program's file
	// (session.DefaultPath), so either presenter can resume; "-" means
	// not saved.
	SessionPath string
	// Script says the input is not a person at a terminal (a pipe or a
	// file). Each input line is then written after its prompt, so a
	// transcript reads like a conversation, and an invalid line stops the
	// run with ErrInput, naming the line: asking again would take the
	// next line, meant for the next question, as the answer.
	Script bool
	// Width is the line width; 0 means the width of Out when it is a
	// terminal, else 80.
	Width int
	// Resume says what happens with a saved session.
	Resume Resume
	// Dir is where the summary is saved when the reader asks for it;
	// empty means the current folder. Now gives the date for its name.
	Dir string
	Now func() time.Time

	// Answers, when set, starts from these answers instead of a saved
	// session: a trainer's example case, with Title and Story. The reader
	// sees the story and the case's answers, and can change any of them
	// before the summary.
	Answers decision.Answers
	Title   string
	Story   string
	// Remote is a session over SSH (studiemiddag): the answers are kept
	// on the trainer's computer. Messages say so instead of naming a file
	// or a command there, and the summary is not offered as a file.
	Remote bool
	// Interrupt, when set, receives ctrl+c (os.Interrupt): the run then
	// ends on a new line, says where the answers are and returns nil,
	// as stop does.
	Interrupt <-chan os.Signal
}

// Resume is what Run does with a saved session.
type Resume int

const (
	// ResumeFresh starts at question 1; the old session is only replaced
	// at the first new answer, so stopping early loses nothing. It is the
	// zero value because a script's first line is an answer, not a reply
	// to a question it did not expect.
	ResumeFresh Resume = iota
	// ResumeAsk asks whether to continue (for a person at a terminal).
	ResumeAsk
	// ResumeContinue continues without asking (--verder).
	ResumeContinue
)

// ContinueCmd is how to continue a saved session; it works with and
// without a terminal, so every message can give the same command.
const ContinueCmd = "afstandswijzer --eenvoudig --verder"

// ErrInput is returned when the input ended before the last question or
// (in a script) a line was not a valid answer. The message for the reader
// has been written to Err and the session saved; the caller exits with
// code 2.
var ErrInput = errors.New("de invoer is op of klopt niet")

// Run runs the interview as plain lines. It returns nil when the reader
// finished or typed stop, ErrInput (wrapped) for input that ended early or
// is invalid in a script, and another error when reading failed.
func Run(opt Options) error {
	if opt.Engine == nil || opt.In == nil || opt.Out == nil {
		return errors.New("plain: Engine, In of Out ontbreekt")
	}
	p := &run{
		eng:     opt.Engine,
		in:      newLineReader(opt.In),
		out:     opt.Out,
		errOut:  opt.Err,
		script:  opt.Script,
		mode:    opt.Resume,
		width:   opt.Width,
		dir:     opt.Dir,
		now:     opt.Now,
		answers: decision.Answers{},
		hinted:  map[string]bool{},
		remote:  opt.Remote,
		intr:    opt.Interrupt,
	}
	if opt.Answers != nil {
		p.answers = opt.Answers.Clone()
		p.caseTitle, p.caseStory = content.Clean(opt.Title), content.Clean(opt.Story)
		p.isCase = true
	}
	if p.errOut == nil {
		p.errOut = p.out
	}
	if p.now == nil {
		p.now = time.Now
	}
	if p.width <= 0 {
		p.width = 80
		if f, ok := opt.Out.(*os.File); ok && term.IsTerminal(f.Fd()) {
			if w, _, err := term.GetSize(f.Fd()); err == nil && w >= 20 {
				p.width = w
			}
		}
	}
	switch opt.SessionPath {
	case "":
		p.session = session.DefaultPath()
	case "-":
	default:
		p.session = opt.SessionPath
	}
	return p.run()
}

type run struct {
	eng     *decision.Engine
	in      *lineReader
	out     io.Writer
	errOut  io.Writer
	script  bool
	mode    Resume
	width   int
	dir     string
	now     func() time.Time
	session string
	answers decision.Answers
	// hinted records which explanations were given once already
	// ("meer" for the multiple-choice hint), so prompts stay short.
	hinted    map[string]bool
	saveError bool
	readErr   error
	stopErr   error // why a script stopped at a line (a line too long)
	line      int   // number of the last input line read
	remote    bool
	// isCase: the answers came from Options.Answers; the first review
	// says they are the case's.
	isCase               bool
	caseTitle, caseStory string
	// keepPrev: the run started over while a complete session was
	// saved; the first save copies it to sessie.toml.vorige first.
	keepPrev    bool
	intr        <-chan os.Signal
	interrupted bool // ctrl+c ended the run
	quit        bool // stop typed at a prompt other than a question
	// before and editID: the answers before a change from the review,
	// and the question changed (decision.ChangeNote).
	before decision.Answers
	editID string
}

// trainerPlace is where a remote session's answers are kept.
const trainerPlace = "op de computer van de trainer"

// say writes one paragraph, wrapped at the width between words.
func (p *run) say(format string, args ...any) {
	fmt.Fprintln(p.out, wrap.Words(fmt.Sprintf(format, args...), p.width))
}

// item writes a numbered or bulleted line with a hanging indent.
func (p *run) item(prefix, text string) {
	fmt.Fprintln(p.out, wrap.Indent(prefix, text, p.width))
}

// read returns the next input line, trimmed; ok is false at end of input.
func (p *run) read(prompt string) (string, bool) {
	for {
		fmt.Fprint(p.out, wrap.Words(prompt, p.width)+" ")
		text, tooLong, err := p.nextLine()
		if err != nil {
			if err != io.EOF {
				p.readErr = err
			}
			fmt.Fprintln(p.out)
			return "", false
		}
		p.line++
		if tooLong {
			// Any length is read (and dropped), never a crash; no answer
			// is that long.
			if p.script {
				fmt.Fprintln(p.out, "(een regel van meer dan 64 kB)")
			}
			retry, err := p.invalid("Die regel is langer dan 64 kB; dat is geen antwoord.")
			if retry {
				continue
			}
			p.stopErr = err
			return "", false
		}
		line := strings.TrimSpace(text)
		if p.script {
			// The echo is outside text: shown, never obeyed.
			fmt.Fprintln(p.out, content.Sanitize(line))
		}
		return line, true
	}
}

func (p *run) run() error {
	p.say("Afstandswijzer: eenvoudige weergave")
	p.say("")
	if p.isCase {
		if p.caseTitle != "" {
			p.say("Casus: %s", oneLine(p.caseTitle))
			for _, l := range strings.Split(strings.TrimSpace(p.caseStory), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					p.say("%s", l)
				}
			}
			p.say("")
		}
	} else if !p.resume() {
		if p.quit {
			return p.stop()
		}
		return p.ended()
	}
	if n := len(p.eng.Visible(p.answers)); p.isCase {
		p.say("Bij een vraag typ je het nummer van je antwoord en druk je op Enter.")
	} else {
		p.say("Je beantwoordt ongeveer %d vragen over je les. Typ bij elke vraag het nummer van je antwoord en druk op Enter.", n)
	}
	p.say("Typ w als je wilt weten waarom we iets vragen. Typ terug voor de vorige vraag, of stop om te stoppen. Je antwoorden worden dan bewaard.")

	cur := p.eng.Next(p.answers)
	// A case goes to its review first; open questions of the case come
	// before it, as after a change.
	fromReview := p.isCase
	for {
		for cur != nil {
			next, answered, quit, err := p.ask(cur)
			switch {
			case errors.Is(err, errEnded):
				return p.ended()
			case err != nil:
				return err
			case quit:
				return p.stop()
			}
			if fromReview && answered {
				// After a change from the review only the questions
				// that are new and open follow, then the review again.
				next = p.eng.Next(p.answers)
			}
			cur = next
		}
		fromReview = true
		// The short review: a number asks that question again.
		var err error
		cur, err = p.review()
		switch {
		case p.quit:
			return p.stop()
		case errors.Is(err, errEnded):
			return p.ended()
		case err != nil:
			return err
		}
		if cur == nil {
			return p.finish()
		}
		// The next review says what this change did.
		p.before, p.editID = p.answers.Clone(), cur.ID
	}
}

var errEnded = errors.New("end of input")

// ask shows question q until it gets a valid answer or a command. It
// returns the question to show next (nil when done), answered when q was
// answered (not "terug"), quit for stop, and errEnded at end of input.
func (p *run) ask(q *content.Question) (next *content.Question, answered, quit bool, err error) {
	p.showQuestion(q)
	for {
		line, ok := p.read(p.prompt(q))
		if !ok {
			return nil, false, false, errEnded
		}
		switch strings.ToLower(line) {
		case "w", "?", "waarom", "uitleg", "help":
			p.why(q)
			continue
		case "terug", "vorige":
			prev := p.eng.Previous(p.answers, q.ID)
			if prev == nil {
				p.say("Dit is de eerste vraag. Je kunt niet verder terug.")
				continue
			}
			return prev, false, false, nil
		case "stop", "stoppen":
			return nil, false, true, nil
		}
		vals, problem := Parse(q, line, p.answers)
		if problem == "" {
			a, err := p.eng.Set(p.answers, q.ID, vals...)
			if err == nil {
				p.answers = a
				p.save()
				p.say("")
				return p.eng.After(p.answers, q.ID), true, false, nil
			}
			// Set only rejects what Parse lets through on a content bug.
			problem = "Dat antwoord past niet: " + err.Error()
		}
		if retry, err := p.invalid(problem); !retry {
			return nil, false, false, err
		}
		p.showQuestion(q)
	}
}

// review lists the answers on the path once all are given. It returns a
// question to ask again, or nil to go on to the summary.
func (p *run) review() (*content.Question, error) {
	vis := p.eng.Visible(p.answers)
	if note := p.eng.ChangeNote(p.before, p.answers, p.editID); note != "" {
		p.say("%s", content.Sanitize(note))
		p.say("")
	}
	p.before = nil
	if p.isCase {
		p.isCase = false
		p.say("Dit antwoordde de docent in de casus:")
	} else {
		p.say("Je hebt alle vragen beantwoord. Dit zijn je antwoorden:")
	}
	for i, q := range vis {
		p.item(strconv.Itoa(i+1)+". ", oneLine(q.Short)+": "+AnswerText(q, p.answers[q.ID]))
	}
	for {
		line, ok := p.read("Klopt dit? Typ een nummer om te wijzigen, of druk op Enter om door te gaan:")
		if !ok && p.interrupted {
			return nil, errEnded
		}
		if !ok || line == "" {
			// A script that ends here has answered everything.
			p.say("")
			return nil, nil
		}
		if strings.EqualFold(line, "stop") || strings.EqualFold(line, "stoppen") {
			p.quit = true
			return nil, nil
		}
		if i, err := strconv.Atoi(line); err == nil && i >= 1 && i <= len(vis) {
			p.say("")
			return vis[i-1], nil
		}
		retry, err := p.invalid(fmt.Sprintf("Dat begrijp ik niet: %q. Typ een nummer van 1 tot %d, of druk op Enter.", line, len(vis)))
		if !retry {
			return nil, err
		}
	}
}

func (p *run) showQuestion(q *content.Question) {
	pos, total := p.eng.Position(p.answers, q.ID)
	p.say("Vraag %d van ongeveer %d: %s", pos, total, oneLine(q.Text))
	for i, o := range q.Options {
		text := oneLine(o.Label)
		if h := oneLine(o.Help); h != "" {
			text += ". " + h
		}
		p.item(strconv.Itoa(i+1)+". ", text)
	}
	if vals, ok := p.answers[q.ID]; ok {
		p.say("Je antwoord was: %s. Druk op Enter om het te houden.", AnswerText(q, vals)+" ("+answerNums(q, vals)+")")
	}
	if q.Kind == content.Many && !p.hinted["meer"] {
		p.hinted["meer"] = true
		p.say("Bij deze vraag kun je meer antwoorden kiezen. Typ de nummers met een komma ertussen, bijvoorbeeld 1,3. Past geen antwoord? Typ dan 0.")
	}
}

func (p *run) prompt(q *content.Question) string {
	n := len(q.Options)
	if q.Kind == content.Many {
		return fmt.Sprintf("Je antwoorden (1 tot %d, of 0):", n)
	}
	return fmt.Sprintf("Je antwoord (1 tot %d):", n)
}

func (p *run) why(q *content.Question) {
	p.say("Waarom we dit vragen: %s", oneLine(q.Help))
	if quote := oneLine(q.Quote); quote != "" {
		p.say("Uit de handreiking: \"%s\"", quote)
	}
	if bg := strings.TrimSpace(q.Background); bg != "" {
		p.say("Achtergrond:")
		for _, l := range strings.Split(bg, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				p.say("%s", l)
			}
		}
	}
}
