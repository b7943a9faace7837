//go:build !windows

package safefile

import "os"

// syncDir makes a rename or a new name in dir durable. Errors are ignored:
// some file systems cannot sync a folder, and the file itself is synced.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
