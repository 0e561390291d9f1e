package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/resilint/resilint/internal/fsutil"
)

const okMarker = ".resilint-corpus-ok"

// materialize copies each corpus module from the module cache into a
// writable directory and downloads its dependencies. A module already
// materialized (its marker file exists) is left alone.
func materialize(only []string) error {
	mods, err := readCorpus(only)
	if err != nil {
		return err
	}
	for _, m := range mods {
		if _, err := os.Stat(filepath.Join(m.Dir(), okMarker)); err == nil {
			fmt.Fprintf(os.Stderr, "corpus: %s ready in %s\n", m.Version, m.Dir())
			continue
		}
		fmt.Fprintf(os.Stderr, "corpus: %s -> %s\n", m.Version, m.Dir())
		out, err := command(repoDir(), nil, "go", "mod", "download", "-json", m.Version).Output()
		if err != nil {
			return fmt.Errorf("go mod download %s: %v", m.Version, err)
		}
		var info struct{ Dir, Error string }
		if err := json.Unmarshal(out, &info); err != nil || info.Error != "" || info.Dir == "" {
			return fmt.Errorf("go mod download %s: %v %s", m.Version, err, info.Error)
		}
		os.RemoveAll(m.Dir())
		if err := fsutil.CopyTree(info.Dir, m.Dir()); err != nil {
			return err
		}
		// A module zip may keep a go.work naming nested modules the zip
		// leaves out; the corpus analyzes the module alone.
		os.Remove(filepath.Join(m.Dir(), "go.work"))
		os.Remove(filepath.Join(m.Dir(), "go.work.sum"))
		if err := dropPathReplaces(m.Dir()); err != nil {
			return err
		}
		dl := command(m.Dir(), []string{"GOFLAGS=-mod=mod"}, "go", "mod", "download")
		dl.Stdout, dl.Stderr = os.Stderr, os.Stderr
		if err := dl.Run(); err != nil {
			return fmt.Errorf("downloading dependencies of %s: %v", m.Version, err)
		}
		// A module developed in a go.work (river) ships a go.sum without
		// its sibling modules; listing every package with -mod=mod adds
		// the sums the build needs, which go mod download leaves out.
		list := command(m.Dir(), nil, "go", "list", "-mod=mod", "-deps", "-test", "./...")
		list.Stderr = os.Stderr
		if err := list.Run(); err != nil {
			return fmt.Errorf("completing go.sum of %s: %v", m.Version, err)
		}
		if err := os.WriteFile(filepath.Join(m.Dir(), okMarker), []byte(m.Version+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// dropPathReplaces removes replace directives that point at directories:
// in a monorepo (etcd) they name sibling modules the module zip does not
// hold; without them the required versions come from the proxy.
func dropPathReplaces(dir string) error {
	out, err := command(dir, nil, "go", "mod", "edit", "-json").Output()
	if err != nil {
		return fmt.Errorf("go mod edit -json in %s: %v", dir, err)
	}
	var mod struct {
		Replace []struct {
			Old struct{ Path, Version string }
			New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return err
	}
	dropped := false
	for _, r := range mod.Replace {
		if r.New.Version != "" { // a module replacement, not a directory
			continue
		}
		dropped = true
		old := r.Old.Path
		if r.Old.Version != "" {
			old += "@" + r.Old.Version
		}
		if err := command(dir, nil, "go", "mod", "edit", "-dropreplace="+old).Run(); err != nil {
			return fmt.Errorf("dropping replace %s in %s: %v", old, dir, err)
		}
	}
	if !dropped {
		return nil
	}
	// go.sum never listed the siblings (they were directories): add them.
	tidy := command(dir, nil, "go", "mod", "tidy")
	tidy.Stderr = os.Stderr
	return tidy.Run()
}
