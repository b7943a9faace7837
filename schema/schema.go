// Package schema derives JSON Schemas (draft 2020-12) for the files people
// edit or read by machine: the content files, answers files and the JSON
// summary. They come from the Go types and the built-in content, so they
// stay true to the program: `go run ./schema/gen` writes them to
// schema/*.schema.json, and the package test fails when the files on disk
// differ from what the code gives.
//
// It imports content, decision and report; nothing imports it, so the
// program does not carry it.
package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Draft is the JSON Schema dialect of every schema here.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Doc is one JSON Schema, or a part of one.
type Doc = map[string]any

// File is one schema file: its name in schema/ and its document.
type File struct {
	Name string
	Doc  Doc
}

// All returns every schema file, derived from c (the built-in content:
// its question ids and option values become the allowed answers).
func All(c *content.Content) ([]File, error) {
	files, err := Content()
	if err != nil {
		return nil, err
	}
	files = append(files,
		File{"antwoorden.schema.json", Answers(c)},
		File{"samenvatting.schema.json", Summary(c)},
	)
	return files, nil
}

// Marshal renders a schema as the files hold it: indented, keys sorted,
// no HTML escaping, ending in a newline.
func Marshal(d Doc) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// gen turns Go types into schemas, reading one kind of struct tag.
type gen struct {
	tag string // "toml" or "json"
	// nullable: nil slices, maps and pointers encode as null (JSON output).
	nullable bool
	// field may refine a field's schema (enums, patterns); owner is the
	// struct type that declares the field.
	field func(owner reflect.Type, f reflect.StructField, d Doc)
}

func (g *gen) typ(t reflect.Type) Doc {
	var d Doc
	switch t.Kind() {
	case reflect.Pointer:
		d = g.typ(t.Elem())
		g.orNull(d)
	case reflect.String:
		d = Doc{"type": "string"}
	case reflect.Bool:
		d = Doc{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d = Doc{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		d = Doc{"type": "number"}
	case reflect.Slice, reflect.Array:
		d = Doc{"type": "array", "items": g.typ(t.Elem())}
		g.orNull(d)
	case reflect.Map:
		d = Doc{"type": "object"}
		if t.Elem().Kind() != reflect.Interface {
			d["additionalProperties"] = g.typ(t.Elem())
		}
		g.orNull(d)
	case reflect.Interface:
		d = Doc{}
	case reflect.Struct:
		d = g.object(t)
	default:
		// Only a new field of an unusual type gets here: a programming
		// error that the package test shows at once.
		panic("schema: no JSON Schema for Go type " + t.String())
	}
	return d
}

// orNull lets a value also be null, for JSON output of nil Go values.
func (g *gen) orNull(d Doc) {
	if !g.nullable {
		return
	}
	if s, ok := d["type"].(string); ok {
		d["type"] = []string{s, "null"}
	}
}

func (g *gen) object(t reflect.Type) Doc {
	props := Doc{}
	var required []string
	g.fields(t, props, &required)
	d := Doc{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		slices.Sort(required)
		d["required"] = required
	}
	return d
}

func (g *gen) fields(t reflect.Type, props Doc, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get(g.tag), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			g.fields(f.Type, props, required) // embedded: its keys are the outer table's
			continue
		}
		if name == "" {
			name = f.Name
		}
		d := g.typ(f.Type)
		if g.field != nil {
			g.field(t, f, d)
		}
		props[name] = d
		if g.tag == "json" && !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			*required = append(*required, name)
		}
	}
}

// at walks a schema by property names, stepping into array items, and
// returns the part found, or nil.
func at(d Doc, path ...string) Doc {
	for _, p := range path {
		if items, ok := d["items"].(Doc); ok {
			d = items
		}
		props, _ := d["properties"].(Doc)
		next, _ := props[p].(Doc)
		if next == nil {
			return nil
		}
		d = next
	}
	if items, ok := d["items"].(Doc); ok {
		return items
	}
	return d
}
