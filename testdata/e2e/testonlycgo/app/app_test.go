package app

import (
	"testing"

	"example.com/cgodep"
)

// Only the test imports cgodep: without -tests, resilint never builds it.
func TestAnswer(t *testing.T) {
	if cgodep.Answer() != 42 {
		t.Fatal("wrong answer")
	}
}
