package testfileson

import "testing"

func TestX(t *testing.T) {
	risky() // want "risky call"
}
