package fsutil

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCopyTree(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "out")
	os.MkdirAll(filepath.Join(src, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(src, "a", "b", "f.go"), []byte("package b\n"), 0o444)
	if err := CopyTree(src, dst); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dst, "a", "b", "f.go"))
	if err != nil || string(got) != "package b\n" {
		t.Fatalf("copy: %q, %v", got, err)
	}
	if err := os.WriteFile(filepath.Join(dst, "a", "b", "f.go"), []byte("x"), 0o644); err != nil {
		t.Errorf("copied file is not writable: %v", err)
	}
}
