package room

import (
	"fmt"
	"net"
)

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// hostOf is the host of a HOST:PORT address.
func hostOf(addr string) string {
	if h, _, err := net.SplitHostPort(addr); err == nil {
		return h
	}
	return addr
}
