package tui

import (
	"io"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/tui/plain"
)

// The line mode lives in package plain; these names keep the commands
// that call tui.RunPlain working until they call plain.Run directly.

// PlainOptions configure RunPlain; see plain.Options. Echo means the input
// is not a terminal (plain.Options.Script).
type PlainOptions struct {
	Engine      *decision.Engine
	In          io.Reader
	Out         io.Writer
	Err         io.Writer
	SessionPath string
	Echo        bool
	Resume      PlainResume
}

// PlainResume is plain.Resume.
type PlainResume = plain.Resume

const (
	ResumeFresh    = plain.ResumeFresh
	ResumeAsk      = plain.ResumeAsk
	ResumeContinue = plain.ResumeContinue
)

// ErrPlainInputEnded is plain.ErrInput: the input ended early or (in a
// script) a line was not a valid answer; exit code 2.
var ErrPlainInputEnded = plain.ErrInput

// RunPlain runs the line mode; see plain.Run.
func RunPlain(opt PlainOptions) error {
	return plain.Run(plain.Options{
		Engine: opt.Engine, In: opt.In, Out: opt.Out, Err: opt.Err,
		SessionPath: opt.SessionPath, Script: opt.Echo, Resume: opt.Resume,
	})
}
