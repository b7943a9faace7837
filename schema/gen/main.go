// Command gen writes the JSON Schemas of schema/ from the Go types and the
// built-in content. Run it from the module root after changing a content
// file's keys, an answer option or the JSON summary:
//
//	go run ./schema/gen
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/schema"
)

func main() {
	dir := flag.String("dir", "schema", "the folder to write the schemas to")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "schema/gen:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	c, err := content.Load(content.Default())
	if err != nil {
		return err
	}
	files, err := schema.All(c)
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := schema.Marshal(f.Doc)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), data, 0o644); err != nil {
			return err
		}
		fmt.Println("geschreven:", filepath.Join(dir, f.Name))
	}
	return nil
}
