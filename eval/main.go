// Command eval keeps resilint's numbers honest on real code.
//
//	go run ./eval corpus   # make corpus: materialize the pinned corpus (idempotent)
//	go run ./eval run      # make eval: run resilint on the corpus and std, write reports
//	go run ./eval bench    # make bench: time and memory next to go vet, gosec and noctx
//
// The corpus lives outside the repository, in $RESILINT_CORPUS (default
// $HOME/.cache/resilint-corpus); reports go to eval/results/.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./eval corpus|run|bench [module names...]")
		os.Exit(2)
	}
	var err error
	only := os.Args[2:]
	switch os.Args[1] {
	case "corpus":
		err = materialize(only)
	case "run":
		err = evaluate(only)
	case "bench":
		err = bench(only)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

// A module is one corpus entry.
type module struct {
	Name    string
	Version string // module@version
}

func (m module) Dir() string { return filepath.Join(corpusDir(), m.Name) }

func corpusDir() string {
	if d := os.Getenv("RESILINT_CORPUS"); d != "" {
		return d
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "resilint-corpus")
}

// repoDir is the resilint checkout (eval runs from its root via make).
func repoDir() string {
	wd, _ := os.Getwd()
	return wd
}

func readCorpus(only []string) ([]module, error) {
	f, err := os.Open(filepath.Join(repoDir(), "eval", "corpus.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []module
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		m := module{Name: fields[0], Version: fields[1]}
		if len(only) == 0 || contains(only, m.Name) {
			out = append(out, m)
		}
	}
	return out, sc.Err()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// command runs name with args in dir, streaming its stderr for progress.
func command(dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// buildResilint builds the resilint binary with a given version string.
// Two builds with different versions have different vet tool IDs, so the
// go command does not reuse one's cached results for the other: that is
// how the determinism check makes the second run recompute.
func buildResilint(out, version string) error {
	cmd := command(repoDir(), nil, "go", "build", "-o", out,
		"-ldflags", "-X github.com/resilint/resilint/internal/version.Version="+version, "./cmd/resilint")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}
