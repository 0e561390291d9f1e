package config

import (
	"bytes"

	"github.com/resilint/resilint/analyzers"
)

// UnmarshalJSON decodes settings given as JSON, as golangci-lint's
// register.DecodeSettings hands them to the plugin. JSON is YAML, so the
// same decoder validates them: unknown keys, unknown analyzers and values
// an analyzer's flag rejects are errors exactly as in .resilint.yml.
func (c *Config) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*c = Config{Settings: map[string]map[string]string{}}
		return nil
	}
	cfg, err := Decode("resilint settings", data, analyzers.All())
	if err != nil {
		return err
	}
	*c = *cfg
	return nil
}
