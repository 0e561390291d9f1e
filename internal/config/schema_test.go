package config

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/rules"
)

// The JSON Schema of .resilint.yml is published in the repository for
// editors (yaml-language-server reads the $schema comment). Its analyzer
// sections are generated from the analyzers' flags, so that it cannot
// drift from what Decode accepts: `go test ./internal/config -run
// TestSchemaIsGenerated -update` rewrites it.

var update = flag.Bool("update", false, "rewrite docs/resilint.schema.json from the analyzers' flags")

var schemaFile = filepath.Join("..", "..", "docs", "resilint.schema.json")

const schemaURL = "https://raw.githubusercontent.com/resilint/resilint/main/docs/resilint.schema.json"

type object = map[string]any

func generateSchema() object {
	var names []string
	sections := object{}
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
		settings := object{}
		a.Flags.VisitAll(func(f *flag.Flag) { settings[f.Name] = settingSchema(f) })
		summary, _, _ := strings.Cut(a.Doc, "\n")
		sections[a.Name] = object{
			"description":          summary + " Settings: resilint -explain " + a.Name + ".",
			"type":                 []string{"object", "null"},
			"additionalProperties": false,
			"properties":           settings,
		}
	}
	props := object{
		"enable":  object{"description": "Run only these analyzers (default: all); a rule ID (RL101, docs/rules.md) reports only that rule of its analyzer.", "$ref": "#/definitions/analyzers"},
		"disable": object{"description": "Do not run these analyzers; a rule ID (RL101, docs/rules.md) drops that rule alone.", "$ref": "#/definitions/analyzers"},
		"tests":   object{"description": "Analyze _test.go files too (sets every analyzer's tests setting).", "type": "boolean"},
		"exclude": object{
			"description": "Drop findings in these paths: globs relative to this file's directory (** matches any number of directories; a directory excludes everything below it), each for every analyzer or, as {path, rules}, for some only.",
			"type":        "array",
			"items": object{"oneOf": []any{
				object{"type": "string", "minLength": 1},
				object{
					"type": "object", "additionalProperties": false, "required": []string{"path"},
					"properties": object{
						"path":  object{"type": "string", "minLength": 1, "description": "Path glob."},
						"rules": object{"description": "The analyzers or rule IDs whose findings are dropped (default: all).", "$ref": "#/definitions/analyzers"},
					},
				},
			}},
		},
	}
	for k, v := range sections {
		props[k] = v
	}
	// Every rule ID is accepted where an analyzer's name is.
	names = append(names, rules.IDs()...)
	return object{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"$id":                  schemaURL,
		"title":                "resilint configuration (.resilint.yml)",
		"description":          "Configuration of the resilint CLI, also accepted as the settings of its golangci-lint plugin. Generated from the analyzers' flags; see docs/cli.md.",
		"type":                 "object",
		"additionalProperties": false,
		"definitions": object{
			"analyzers": object{"type": "array", "items": object{"enum": names}, "uniqueItems": true},
		},
		"properties": props,
	}
}

// settingSchema describes the values an analyzer flag accepts in the file:
// its Go type, and for strings also a list (joined with commas).
func settingSchema(f *flag.Flag) object {
	s := object{"description": f.Usage}
	g, _ := f.Value.(flag.Getter)
	var v any
	if g != nil {
		v = g.Get()
	}
	switch v.(type) {
	case bool:
		s["type"] = "boolean"
	case int, int64, uint, uint64:
		s["type"] = "integer"
	case float64:
		s["type"] = "number"
	case time.Duration:
		s["type"] = "string"
		s["pattern"] = `^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$`
	default:
		s["oneOf"] = []any{object{"type": "string"}, object{"type": "array", "items": object{"type": "string", "pattern": "^[^,]*$"}}}
	}
	return s
}

func TestSchemaIsGenerated(t *testing.T) {
	data, err := json.MarshalIndent(generateSchema(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	if *update {
		if err := os.WriteFile(schemaFile, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(schemaFile)
	if err != nil || !bytes.Equal(old, data) {
		t.Fatalf("%s is not what the analyzers' flags give (%v); run go test ./internal/config -run TestSchemaIsGenerated -update", schemaFile, err)
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	s, err := jsonschema.NewCompiler().Compile(schemaFile)
	if err != nil {
		t.Fatalf("compiling %s: %v", schemaFile, err)
	}
	return s
}

// validateYAML checks YAML text against the schema, as an editor does.
func validateYAML(s *jsonschema.Schema, text []byte) error {
	var v any
	if err := yaml.Unmarshal(text, &v); err != nil {
		return err
	}
	if v == nil {
		v = map[string]any{}
	}
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// TestSchemaAcceptsTheShippedConfigs validates the example config, the
// one in docs/cli.md and every .resilint.yml in testdata and examples.
func TestSchemaAcceptsTheShippedConfigs(t *testing.T) {
	s := compileSchema(t)
	root := filepath.Join("..", "..")
	files := []string{filepath.Join(root, "docs", "resilint.example.yml")}
	for _, dir := range []string{"testdata", "examples"} {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Name() == FileName {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 2 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("# yaml-language-server: $schema="+schemaURL)) && strings.Contains(f, "example") {
			t.Errorf("%s lacks the yaml-language-server $schema line", f)
		}
		if err := validateYAML(s, data); err != nil {
			t.Errorf("%s violates the schema: %v", f, err)
		}
		if _, err := Decode(f, data, analyzers.All()); err != nil {
			t.Errorf("%s does not decode: %v", f, err)
		}
	}
	cli, err := os.ReadFile(filepath.Join(root, "docs", "cli.md"))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)## Configuration file.*?```yaml\n(.*?)```").FindSubmatch(cli)
	if block == nil {
		t.Fatal("docs/cli.md has no yaml block under Configuration file")
	}
	if err := validateYAML(s, block[1]); err != nil {
		t.Errorf("the docs/cli.md example violates the schema: %v", err)
	}
}

// TestSchemaAgreesWithDecode: what the schema rejects, Decode rejects too,
// and the other way round, on the mistakes a user makes.
func TestSchemaAgreesWithDecode(t *testing.T) {
	s := compileSchema(t)
	cases := []struct {
		yml   string
		valid bool
	}{
		{"", true},
		{"enable: [httptimeout]\nexclude: [internal/legacy/**, {path: gen/**, rules: [missingtx, unpaginated]}]\n", true},
		{"exclude: [{path: a}]\nunpaginated:\n  unique-columns: [id, uuid]\nretrybackoff:\n  min-fixed-delay: 1m30s\n", true},
		{"missingtx:\n  min-writes: 3\nhttptimeout:\n", true},
		{"exlude: [x]\n", false},
		{"enable: [httptimeot]\n", false},
		{"tests: maybe\n", false},
		{"exclude: [{rules: [httptimeout]}]\n", false},
		{"exclude: [{path: a, rules: [nosuch]}]\n", false},
		{"enable: [RL101, missingtx]\ndisable: [RL304]\nexclude: [{path: a, rules: [RL402]}]\n", true},
		{"enable: [RL199]\n", false},
		{"exclude: [{path: a, rules: [RL999]}]\n", false},
		{"exclude: [{path: a, text: x}]\n", false},
		{"exclude: [[a]]\n", false},
		{"httptimeout:\n  bogus: 1\n", false},
		{"missingtx:\n  min-writes: many\n", false},
		{"retrybackoff:\n  min-fixed-delay: 2\n", false},
		{"unpaginated:\n  unique-columns: [id, 'a,b']\n", false},
	}
	for _, c := range cases {
		schemaErr := validateYAML(s, []byte(c.yml))
		_, decodeErr := Decode("cfg.yml", []byte(c.yml), analyzers.All())
		if (schemaErr == nil) != c.valid || (decodeErr == nil) != c.valid {
			t.Errorf("%q: want valid=%v; schema says %v, Decode says %v", c.yml, c.valid, schemaErr, decodeErr)
		}
	}
}
