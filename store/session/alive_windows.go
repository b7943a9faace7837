//go:build windows

package session

import "os"

// alive reports whether a process with this id runs; on Windows
// FindProcess fails for a process that is gone.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
