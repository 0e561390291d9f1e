// Package fsutil holds the file-tree helpers the tests and the evaluation
// harness share.
package fsutil

import (
	"io/fs"
	"os"
	"path/filepath"
)

// CopyTree copies the regular files under src to dst, creating
// directories as needed. Files are written writable (0644) whatever their
// mode in src, so that read-only module cache copies can be edited.
func CopyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
