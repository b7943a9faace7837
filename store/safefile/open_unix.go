//go:build !windows

package safefile

import "syscall"

// oNonblock makes opening a FIFO return at once instead of waiting for a
// writer; for a regular file it changes nothing.
const oNonblock = syscall.O_NONBLOCK
