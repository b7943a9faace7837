//go:build windows

package safefile

// syncDir does nothing on Windows: a folder cannot be opened for syncing
// there, and NTFS journals the rename itself.
func syncDir(string) {}
