package room

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// aliasFile keeps which deelnemer-N belongs to which name, so 日本 finds
// their answers again after the trainer restarted the room. The dot
// keeps it from being read as a participant's session.
const aliasFile = ".namen.toml"

// saveAliases writes the aliases; the caller holds room.mu. It is rare
// (a name without a-z letters), so writing under the lock is fine.
func (r *room) saveAliases() {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(r.aliasShown); err != nil {
		return
	}
	if err := session.WriteFileAtomic(filepath.Join(r.dir, sessionDir, aliasFile), b.Bytes()); err != nil {
		r.event(Event{Time: r.now(), Text: "de namen van de deelnemers zijn niet bewaard: " + fileError(err)})
	}
}

// loadAliases reads them back at the start of the room. Only names that
// need an alias count, and only deelnemer-N files: the file is ours, but
// it is read as if it were not.
func (r *room) loadAliases() {
	data, err := os.ReadFile(filepath.Join(r.dir, sessionDir, aliasFile))
	if err != nil || len(data) > 1<<20 {
		return
	}
	var byFile map[string]string
	if _, err := toml.Decode(string(data), &byFile); err != nil {
		return
	}
	for file, name := range byFile {
		name = DisplayName(name)
		if !strings.HasPrefix(file, "deelnemer-") || FileName(file) != file || name == "" || FileName(name) != "" {
			continue
		}
		r.alias[strings.ToLower(name)] = file
		r.aliasShown[file] = name
		if p := r.parts[file]; p != nil {
			p.name = name
		}
	}
}
