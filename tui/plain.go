package tui

// The accessible line mode ("eenvoudige weergave"): the same interview as
// the full-screen program, as plain lines for screen readers and scripts.
// It runs on the same decision.Engine calls as the TUI (Next, Visible,
// Position, Previous, Set), so branching cannot differ between the two.
// No alternate screen, no cursor movement, no colour, no box drawing: every
// line is written once, in reading order.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
)

// PlainOptions configure RunPlain. Engine, In and Out are required.
type PlainOptions struct {
	Engine *decision.Engine
	In     io.Reader
	Out    io.Writer
	// Err receives the message when the input ends early; nil means Out.
	Err io.Writer
	// SessionPath is where answers are saved after every answer, on stop
	// and at the end. Empty means os.UserConfigDir()/afstandswijzer/sessie.toml
	// (the TUI's file, so either presenter can resume); "-" means not saved.
	SessionPath string
	// Echo writes each input line after the prompt. Use it when the input
	// is not a terminal (which echoes by itself), so a transcript reads
	// like a conversation.
	Echo bool
	// Resume says what happens with a saved session. The zero value starts
	// fresh without asking, because a script's first line is an answer,
	// not a reply to a question it did not expect.
	Resume PlainResume
}

// PlainResume is what RunPlain does with a saved session.
type PlainResume int

const (
	// ResumeFresh starts at question 1; the old session is only replaced
	// at the first new answer, so stopping early loses nothing.
	ResumeFresh PlainResume = iota
	// ResumeAsk asks whether to continue (for a person at a terminal).
	ResumeAsk
	// ResumeContinue continues without asking (--verder).
	ResumeContinue
)

// plainContinueCmd is how to continue a saved session; it works with and
// without a terminal, so every message can give the same command.
const plainContinueCmd = "afstandswijzer --eenvoudig --verder"

// ErrPlainInputEnded is returned when the input ends before the last
// question; the session has been saved and the caller exits with code 2.
var ErrPlainInputEnded = errors.New("de invoer is op voordat alle vragen beantwoord zijn")

// RunPlain runs the interview as plain lines. It returns nil when the
// reader finished or typed stop, ErrPlainInputEnded when the input ended
// early, and another error when reading or saving failed.
func RunPlain(opt PlainOptions) error {
	if opt.Engine == nil || opt.In == nil || opt.Out == nil {
		return errors.New("tui: RunPlain mist Engine, In of Out")
	}
	p := &plainRun{
		eng:     opt.Engine,
		in:      bufio.NewScanner(opt.In),
		out:     opt.Out,
		errOut:  opt.Err,
		echo:    opt.Echo,
		mode:    opt.Resume,
		answers: decision.Answers{},
		hinted:  map[string]bool{},
	}
	if p.errOut == nil {
		p.errOut = p.out
	}
	// A long pasted line must not stop the interview.
	p.in.Buffer(make([]byte, 64*1024), 1<<20)
	switch opt.SessionPath {
	case "":
		p.session = plainDefaultSessionPath()
	case "-":
	default:
		p.session = opt.SessionPath
	}
	return p.run()
}

func plainDefaultSessionPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "afstandswijzer", "sessie.toml")
}

type plainRun struct {
	eng     *decision.Engine
	in      *bufio.Scanner
	out     io.Writer
	errOut  io.Writer
	echo    bool
	mode    PlainResume
	session string
	answers decision.Answers
	// hinted records which explanations were given once already
	// ("meer" for the multiple-choice hint), so prompts stay short.
	hinted    map[string]bool
	saveError bool
	readErr   error
}

func (p *plainRun) say(format string, args ...any) {
	fmt.Fprintf(p.out, format+"\n", args...)
}

// read returns the next input line, trimmed; ok is false at end of input.
func (p *plainRun) read(prompt string) (string, bool) {
	fmt.Fprint(p.out, prompt+" ")
	if !p.in.Scan() {
		p.readErr = p.in.Err()
		fmt.Fprintln(p.out)
		return "", false
	}
	line := strings.TrimSpace(p.in.Text())
	if p.echo {
		fmt.Fprintln(p.out, line)
	}
	return line, true
}

func (p *plainRun) run() error {
	p.say("Afstandswijzer: eenvoudige weergave")
	p.say("")
	if !p.resume() {
		return p.ended()
	}
	n := len(p.eng.Visible(p.answers))
	p.say("Je beantwoordt ongeveer %d vragen over je les. Typ bij elke vraag het nummer van je antwoord en druk op Enter.", n)
	p.say("Typ ? als je wilt weten waarom we iets vragen. Typ terug voor de vorige vraag, of stop om te stoppen. Je antwoorden worden dan bewaard.")

	cur := p.eng.Next(p.answers)
	for cur != nil {
		next, quit, ok := p.ask(cur)
		if !ok {
			return p.ended()
		}
		if quit {
			return p.stop()
		}
		cur = next
	}
	return p.finish()
}

// resume handles the saved session, if any, as opt.Resume says. It
// returns false at end of input (only possible when it asks).
func (p *plainRun) resume() bool {
	if p.session == "" {
		return true
	}
	data, err := os.ReadFile(p.session)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if err != nil {
		p.say("Je bewaarde antwoorden in %s kon ik niet lezen (%s). Je begint opnieuw.", p.session, FileError(err))
		p.say("")
		return true
	}
	a, err := p.eng.ParseAnswers(p.session, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true})
	if err != nil {
		p.say("Je bewaarde antwoorden in %s passen niet bij de vragen van deze versie. Je begint opnieuw.", p.session)
		p.say("")
		return true
	}
	if len(a) == 0 {
		return true
	}
	done := 0
	for _, q := range p.eng.Visible(a) {
		if a.Has(q.ID) {
			done++
		}
	}
	p.say("Je hebt eerder antwoorden bewaard: %d van ongeveer %d vragen.", done, len(p.eng.Visible(a)))
	switch p.mode {
	case ResumeContinue:
		p.answers = a
		p.say("Je gaat verder waar je was.")
		p.say("")
		return true
	case ResumeFresh:
		p.say("Je begint opnieuw. Je oude antwoorden worden pas overschreven bij je eerste nieuwe antwoord.")
		p.say("Wil je toch verder met je oude antwoorden? Start het programma dan met: %s", plainContinueCmd)
		p.say("")
		return true
	}
	for {
		p.say("Wil je daarmee verder?")
		p.say("1. Ja, ga verder waar je was.")
		p.say("2. Nee, opnieuw beginnen. Je oude antwoorden worden overschreven bij je eerste nieuwe antwoord.")
		line, ok := p.read("Je antwoord (1 of 2):")
		if !ok {
			return false
		}
		switch strings.ToLower(line) {
		case "1", "ja", "j":
			p.answers = a
			p.say("")
			return true
		case "2", "nee", "n":
			p.say("")
			return true
		}
		p.say("Dat begrijp ik niet: %q. Typ 1 of 2.", line)
	}
}

// ask shows question q until it gets a valid answer or a command. It
// returns the question to show next (nil when done), quit for stop, and
// ok false at end of input.
func (p *plainRun) ask(q *content.Question) (next *content.Question, quit, ok bool) {
	p.showQuestion(q)
	for {
		line, ok := p.read(p.prompt(q))
		if !ok {
			return nil, false, false
		}
		switch strings.ToLower(line) {
		case "?", "waarom", "uitleg", "help":
			p.why(q)
			continue
		case "terug", "vorige":
			prev := p.eng.Previous(p.answers, q.ID)
			if prev == nil {
				p.say("Dit is de eerste vraag. Je kunt niet verder terug.")
				continue
			}
			return prev, false, true
		case "stop", "stoppen":
			return nil, true, true
		}
		vals, problem := plainParse(q, line, p.answers)
		if problem != "" {
			p.say("%s", problem)
			p.say("")
			p.showQuestion(q)
			continue
		}
		a, err := p.eng.Set(p.answers, q.ID, vals...)
		if err != nil {
			// Set only rejects what plainParse lets through on a content
			// bug; say so instead of looping silently.
			p.say("Dat antwoord past niet: %v", err)
			p.showQuestion(q)
			continue
		}
		p.answers = a
		p.save()
		p.say("")
		return p.after(q), false, true
	}
}

// after returns the question that follows q on the current path. After
// going back the reader walks forward again through the answered
// questions, each showing its answer, so nothing is skipped unseen.
func (p *plainRun) after(q *content.Question) *content.Question {
	vis := p.eng.Visible(p.answers)
	for i, v := range vis {
		if v.ID == q.ID && i+1 < len(vis) {
			return vis[i+1]
		}
	}
	return p.eng.Next(p.answers)
}

func (p *plainRun) showQuestion(q *content.Question) {
	pos, total := p.eng.Position(p.answers, q.ID)
	p.say("Vraag %d van ongeveer %d: %s", pos, total, plainOneLine(q.Text))
	for i, o := range q.Options {
		line := fmt.Sprintf("%d. %s", i+1, plainOneLine(o.Label))
		if h := plainOneLine(o.Help); h != "" {
			line += ". " + h
		}
		p.say("%s", line)
	}
	if vals, ok := p.answers[q.ID]; ok {
		p.say("Je antwoord was: %s. Druk op Enter om het te houden.", plainAnswerText(q, vals))
	}
	if q.Kind == content.Many && !p.hinted["meer"] {
		p.hinted["meer"] = true
		p.say("Bij deze vraag kun je meer antwoorden kiezen. Typ de nummers met een komma ertussen, bijvoorbeeld 1,3. Past geen antwoord? Typ dan 0.")
	}
}

func (p *plainRun) prompt(q *content.Question) string {
	n := len(q.Options)
	if q.Kind == content.Many {
		return fmt.Sprintf("Je antwoorden (1 tot %d, of 0):", n)
	}
	return fmt.Sprintf("Je antwoord (1 tot %d):", n)
}

func (p *plainRun) why(q *content.Question) {
	p.say("Waarom we dit vragen: %s", plainOneLine(q.Help))
	if quote := plainOneLine(q.Quote); quote != "" {
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

// plainParse turns a typed line into option values. problem is a short
// Dutch explanation when the line is not a valid answer to q.
func plainParse(q *content.Question, line string, have decision.Answers) (vals []string, problem string) {
	n := len(q.Options)
	rangeText := fmt.Sprintf("Typ een nummer van 1 tot %d.", n)
	if q.Kind == content.Many {
		rangeText = fmt.Sprintf("Typ een of meer nummers van 1 tot %d, met een komma ertussen, of 0 als geen antwoord past.", n)
	}
	if line == "" {
		if old, ok := have[q.ID]; ok {
			return old, ""
		}
		return nil, "Je hebt niets getypt. " + rangeText
	}
	if q.Kind == content.Many && (line == "0" || strings.EqualFold(line, "geen")) {
		return []string{}, ""
	}
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return nil, fmt.Sprintf("Dat begrijp ik niet: %q. %s", line, rangeText)
	}
	if q.Kind == content.One && len(fields) > 1 {
		return nil, "Bij deze vraag kies je één antwoord. " + rangeText
	}
	seen := map[int]bool{}
	for _, f := range fields {
		i, err := strconv.Atoi(f)
		switch {
		case err != nil:
			return nil, fmt.Sprintf("Dat begrijp ik niet: %q. %s Of typ ?, terug of stop.", f, rangeText)
		case i == 0 && q.Kind == content.Many:
			return nil, "0 betekent: geen van deze. Typ 0 alleen, zonder andere nummers."
		case i < 1 || i > n:
			return nil, fmt.Sprintf("Nummer %d bestaat niet bij deze vraag. %s", i, rangeText)
		}
		if seen[i] {
			continue
		}
		seen[i] = true
		vals = append(vals, q.Options[i-1].Value)
	}
	return vals, ""
}

func plainAnswerText(q *content.Question, vals []string) string {
	if len(vals) == 0 {
		return "geen van deze (0)"
	}
	labels := make([]string, 0, len(vals))
	nums := make([]string, 0, len(vals))
	for _, v := range vals {
		for i, o := range q.Options {
			if o.Value == v {
				labels = append(labels, plainOneLine(o.Label))
				nums = append(nums, strconv.Itoa(i+1))
			}
		}
	}
	return strings.Join(labels, ", ") + " (" + strings.Join(nums, ",") + ")"
}

// save writes the session atomically. A failure is reported once; the
// interview goes on, because losing the autosave is no reason to stop.
func (p *plainRun) save() bool {
	if p.session == "" {
		return false
	}
	err := saveSession(p.session, p.eng.FormatAnswers(p.answers))
	if err != nil && !p.saveError {
		p.saveError = true
		p.say("Let op: je antwoorden konden niet worden bewaard in %s (%s).", p.session, FileError(err))
	}
	return err == nil
}

func (p *plainRun) stop() error {
	p.say("")
	if len(p.answers) > 0 && p.save() {
		p.say("Je bent gestopt. Je antwoorden zijn bewaard in %s.", p.session)
		p.say("Ga later verder met: %s", plainContinueCmd)
	} else {
		p.say("Je bent gestopt voordat je iets hebt beantwoord. Er is niets nieuws bewaard.")
	}
	return nil
}

func (p *plainRun) ended() error {
	if p.readErr != nil {
		return fmt.Errorf("kan de invoer niet lezen: %w", p.readErr)
	}
	w := p.errOut
	switch {
	case len(p.answers) == 0:
		fmt.Fprintln(w, "De invoer is op voordat je een vraag hebt beantwoord. Er is niets nieuws bewaard.")
		fmt.Fprintln(w, "Start opnieuw met: afstandswijzer --eenvoudig")
	case p.save():
		fmt.Fprintf(w, "De invoer is op voordat alle vragen beantwoord zijn. Je antwoorden zijn bewaard in %s.\n", p.session)
		fmt.Fprintln(w, "Ga verder met: "+plainContinueCmd)
	default:
		fmt.Fprintln(w, "De invoer is op voordat alle vragen beantwoord zijn. Je antwoorden zijn niet bewaard.")
	}
	return ErrPlainInputEnded
}

func (p *plainRun) finish() error {
	p.say("Je hebt alle vragen beantwoord. Hier is je samenvatting.")
	p.say("")
	fmt.Fprint(p.out, report.Markdown(p.eng.Summarize(p.answers)))
	p.say("")
	if p.save() {
		p.say("Je antwoorden zijn bewaard in %s.", p.session)
		p.say("Maak er later opnieuw een samenvatting van met: afstandswijzer samenvatting --antwoorden %s", plainShellQuote(p.session))
	} else {
		p.say("Je antwoorden zijn niet bewaard.")
	}
	return nil
}

// plainShellQuote quotes a path for copying into a shell when it has spaces.
func plainShellQuote(s string) string {
	if strings.ContainsAny(s, " '\"$`\\") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

func plainOneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
