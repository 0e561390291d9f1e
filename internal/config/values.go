package config

import (
	"errors"
	"flag"
	"reflect"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// cloneValue returns a fresh flag.Value of the same concrete type as f's,
// so that validating a setting never changes the analyzer's real flag.
// It returns nil when the value type cannot be copied (validation is then
// left to the vet tool).
func cloneValue(f *flag.Flag) flag.Value {
	t := reflect.TypeOf(f.Value)
	if t.Kind() != reflect.Pointer {
		return nil
	}
	fresh := reflect.New(t.Elem())
	fresh.Elem().Set(reflect.ValueOf(f.Value).Elem())
	v, _ := fresh.Interface().(flag.Value)
	return v
}

var lineRE = regexp.MustCompile(`line (\d+)`)

// yamlErrLine extracts the line from a yaml syntax error, if it names one.
func yamlErrLine(err error) int {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return 0
	}
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}
