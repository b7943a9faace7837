package safefile

import (
	"io/fs"
	"os"
)

// OpenRegular opens path for reading only when it is a regular file (or a
// link to one). A folder, device, FIFO or socket is refused before it is
// opened: opening a FIFO waits for a writer for ever, and reading a
// device can be endless. The file is opened without blocking and checked
// again, so one swapped in between cannot make it block either. The
// errors are for Reason (errors.Is(err, ErrNotRegular) for the others).
func OpenRegular(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(path, st); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return nil, err
	}
	if st, err = f.Stat(); err == nil {
		err = regular(path, st)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// regular is nil for a regular file, else the error that says what it is.
func regular(path string, st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return &fs.PathError{Op: "open", Path: path, Err: errIsDir}
	case !st.Mode().IsRegular():
		return &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	return nil
}
