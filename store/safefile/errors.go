package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Reason says in Dutch why a file operation failed, naming the folder
// where that helps ("de map … is alleen-lezen"). No English operating
// system text reaches the user: an error it does not know is given with
// its number only. Paths are sanitised (they come from outside).
func Reason(err error) string {
	if err == nil {
		return ""
	}
	var le *content.LimitError
	if errors.As(err, &le) {
		return le.Msg
	}
	path, op := "", ""
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path, op = pe.Path, pe.Op
	}
	dir := "de map"
	if path != "" {
		dir = "de map " + content.SanitizeLine(filepath.Dir(path))
	}
	writing := op == "write" || op == "create" || op == "mkdir"
	switch {
	case errors.Is(err, syscall.EROFS):
		return dir + " is alleen-lezen"
	case errors.Is(err, errIsDir), errors.Is(err, syscall.EISDIR):
		return "dit is een map, geen bestand"
	case errors.Is(err, ErrNotRegular):
		return "dit is geen gewoon bestand maar een apparaat, pipe of socket; kies een gewoon bestand"
	case errors.Is(err, errNoNewFiles):
		return "in " + dir + " kun je geen nieuwe bestanden maken"
	case errors.Is(err, fs.ErrPermission):
		if writing {
			return "je mag niet schrijven in " + dir
		}
		return "je hebt geen toestemming voor dit bestand"
	case errors.Is(err, fs.ErrExist):
		return "het bestand bestaat al"
	case errors.Is(err, fs.ErrNotExist):
		if writing {
			return dir + " bestaat niet"
		}
		return "het bestand of de map bestaat niet"
	case errors.Is(err, syscall.ENOTDIR):
		return "een deel van het pad is geen map"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "de naam is te lang; kies een kortere naam of map"
	case errors.Is(err, syscall.ENOSPC):
		return "de schijf is vol"
	case errors.Is(err, syscall.EDQUOT):
		return "je schijfruimte (quotum) is op"
	case errors.Is(err, syscall.EIO):
		return "de schijf gaf een fout bij lezen of schrijven"
	case errors.Is(err, syscall.EBUSY), errors.Is(err, syscall.ETXTBSY):
		return "het bestand is in gebruik door een ander programma"
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return "er zijn te veel bestanden tegelijk open"
	case errors.Is(err, syscall.ELOOP):
		return "het pad verwijst in een kring naar zichzelf (symbolische links)"
	case errors.Is(err, syscall.EXDEV):
		return "het bestand kan niet naar een andere schijf worden verplaatst"
	case errors.Is(err, syscall.EINVAL):
		return "de naam is ongeldig; gebruik geen tekens als : * ? \" < > |"
	case errors.Is(err, fs.ErrInvalid):
		return "de naam is ongeldig"
	case errors.Is(err, errTooMany):
		return "er bestaan al te veel bestanden met deze naam"
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Sprintf("het besturingssysteem weigert dit (foutcode %d)", int(errno))
	}
	if pe != nil {
		return "onbekende fout"
	}
	// Not from the operating system: one of our own (Dutch) errors.
	return content.SanitizeLine(err.Error())
}
