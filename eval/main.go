// Command eval keeps resilint's numbers honest on real code.
//
//	go run ./eval corpus [names]   # make corpus: materialize the pinned corpus and apps (idempotent)
//	go run ./eval run [-apps-only] [-half tune|report|fresh|fresh2] [names]
//	                               # make eval: run resilint on the corpus, std and apps, write reports
//	go run ./eval bench            # make bench: time and memory next to go vet, gosec and noctx
//
// The corpus lives outside the repository, in $RESILINT_CORPUS (default
// $HOME/.cache/resilint-corpus), the apps of eval/apps.txt in its apps/
// directory; reports go to eval/results/. See docs/evaluation.md.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./eval corpus|run|score|bench [module names...]")
		os.Exit(2)
	}
	var err error
	only := os.Args[2:]
	switch os.Args[1] {
	case "corpus":
		err = materializeAll(only)
	case "run":
		fs := flag.NewFlagSet("run", flag.ExitOnError)
		appsOnly := fs.Bool("apps-only", false, "evaluate only the apps of eval/apps.txt")
		half := fs.String("half", "", "evaluate only the apps of this half: tune, report, fresh or fresh2")
		once := fs.Bool("once", false, "run each target once: skip the second run that checks determinism (half the time)")
		fs.Parse(os.Args[2:])
		opts := evalOptions{only: fs.Args(), appsOnly: *appsOnly, half: *half, once: *once}
		if opts.half != "" && !knownHalf(opts.half) {
			err = fmt.Errorf("-half %q: want tune, report or fresh", opts.half)
		} else if err = checkNames(opts.only, true); err == nil {
			err = evaluate(opts)
		}
	case "score":
		fs := flag.NewFlagSet("score", flag.ExitOnError)
		half := fs.String("half", "", "score only the apps of this half: tune, report, fresh or fresh2")
		fs.Parse(os.Args[2:])
		opts := evalOptions{only: fs.Args(), appsOnly: true, half: *half}
		if opts.half != "" && !knownHalf(opts.half) {
			err = fmt.Errorf("-half %q: want tune, report or fresh", opts.half)
		} else if err = checkNames(opts.only, true); err == nil {
			err = rescore(opts)
		}
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

// materializeAll materializes the proxy modules and the apps named in
// only (all when it is empty).
func materializeAll(only []string) error {
	if err := checkNames(only, false); err != nil {
		return err
	}
	apps, err := readApps(only)
	if err != nil {
		return err
	}
	if err := materialize(only); err != nil {
		return err
	}
	return materializeApps(apps)
}

// checkNames fails on a name that is neither a proxy module nor an app
// (nor std, where allowed), and on an app named like a proxy module: both
// share the result files.
func checkNames(only []string, std bool) error {
	mods, err := readCorpus(nil)
	if err != nil {
		return err
	}
	apps, err := readApps(nil)
	if err != nil {
		return err
	}
	known := map[string]bool{"std": std}
	for _, m := range mods {
		known[m.Name] = true
	}
	for _, a := range apps {
		if known[a.Name] || a.Name == "std" {
			return fmt.Errorf("eval/apps.txt line %d: %s is already a corpus.txt module or std", a.Line, a.Name)
		}
		known[a.Name] = true
	}
	for _, n := range only {
		if !known[n] {
			return fmt.Errorf("%s is in neither eval/corpus.txt nor eval/apps.txt", n)
		}
	}
	return nil
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
