package notify

import (
	"os"
	"testing"
)

func TestToken(t *testing.T) {
	os.Setenv(tokenEnv, "xoxb-"+"283745991203-4618845312071-"+"Qm7Zx2Lk9Pt4Rw8Vb3Nc6Yh1")
	if tok, err := Token(); err != nil || tok == "" {
		t.Fatal(err)
	}
}
