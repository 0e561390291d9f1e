package testfiles

import "testing"

func TestX(t *testing.T) {
	risky()
}
