package tui

import (
	"net/url"
	"os/exec"
	"runtime"
	"time"
)

var timeNow = time.Now

// safeURL accepts only https links that occur in the content: the program
// never hands anything else to the system opener.
func safeURL(raw string, allowed map[string]bool) bool {
	if !allowed[raw] {
		return false
	}
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "https" && u.Host != ""
}

// systemOpen starts the platform's URL opener directly (no shell, so no
// quoting problems), with no terminal attached: a text browser must not
// take over the screen Bubble Tea is drawing.
func systemOpen(u string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", u)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
	default:
		cmd = exec.Command("xdg-open", u)
	}
	return cmd.Run()
}
