package testsonly

import "testing"

func TestLogin(t *testing.T) {
	if !Login("ci", "Nz4Kq8Lx2Pm7Rv3Wb9Tc") { // want `hardcoded password passed as password to Login`
		t.Fatal("login failed")
	}
}
