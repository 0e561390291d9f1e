package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// At the root of a go.work workspace that is not itself a module, the go
// command rejects "./..." ("directory prefix . does not contain modules
// listed in go.work"): a directory pattern must lie inside a module. And
// when the root is a module too, its "./..." stops at the nested modules.
// A user there means every module of the workspace, as in a single module
// "./..." means every package, so resilint adds one pattern per workspace
// module below the pattern's directory.

// expandWorkspace rewrites the local "DIR/..." patterns to cover the
// workspace modules below DIR; other patterns are left alone.
func (g *goRunner) expandWorkspace(ctx context.Context, patterns []string) []string {
	if !slices.ContainsFunc(patterns, isDirWildcard) || !g.inWorkspace(ctx) {
		return patterns
	}
	modules := g.workspaceModules(ctx)
	if len(modules) == 0 {
		return patterns
	}
	var out []string
	for _, p := range patterns {
		if !isDirWildcard(p) {
			out = append(out, p)
			continue
		}
		dir := filepath.Clean(filepath.Join(g.dir, strings.TrimSuffix(p, "...")))
		inside := slices.IndexFunc(modules, func(m string) bool { return within(m, dir) })
		var below []string
		for i, m := range modules {
			if i != inside && within(dir, m) {
				if rel, err := filepath.Rel(g.dir, m); err == nil {
					below = append(below, "./"+filepath.ToSlash(rel)+"/...")
				}
			}
		}
		if inside >= 0 || len(below) == 0 {
			// Inside a module the pattern is valid; outside every module
			// with none below, go list explains that it matches nothing.
			out = append(out, p)
		}
		if len(below) == 0 {
			continue
		}
		if g.verbose {
			g.logf("resilint: %s spans the go.work workspace: analyzing %s", p, strings.Join(below, " "))
		}
		out = append(out, below...)
	}
	return out
}

// isDirWildcard reports whether a pattern is a directory tree: ./..., ../x/...
func isDirWildcard(p string) bool {
	return isLocalPattern(p) && (p == "..." || strings.HasSuffix(filepath.ToSlash(p), "/..."))
}

// inWorkspace reports whether the go command runs in workspace mode here.
// Looking for go.work first spares a go command on the common single-module run.
func (g *goRunner) inWorkspace(ctx context.Context) bool {
	if env := os.Getenv("GOWORK"); env == "off" {
		return false
	} else if env == "" && !hasGoWork(g.dir) {
		return false
	}
	out, err := g.goOutput(ctx, "env", "GOWORK")
	return err == nil && strings.TrimSpace(out) != "" && strings.TrimSpace(out) != "off"
}

func hasGoWork(dir string) bool {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

// workspaceModules lists the directories of the workspace's modules.
func (g *goRunner) workspaceModules(ctx context.Context) []string {
	out, err := g.goOutput(ctx, "list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return nil
	}
	var dirs []string
	for _, d := range strings.Fields(out) {
		dirs = append(dirs, filepath.Clean(d))
	}
	return dirs
}

func (g *goRunner) goOutput(ctx context.Context, args ...string) (string, error) {
	if g.verbose {
		g.logf("resilint: go %s", strings.Join(args, " "))
	}
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = g.dir
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	err := cmd.Run()
	return stdout.String(), err
}

// within reports whether path is dir or below it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// onlyTargets drops the diagnostics of packages that were not asked for.
// In a workspace, go vet -json also prints the diagnostics of the other
// workspace modules' packages it analyzes for facts, which plain go vet
// does not show: from inside one module, only that module is reported.
func onlyTargets(diags []rawDiagnostic, targets []*listedPackage) []rawDiagnostic {
	want := map[string]bool{}
	for _, t := range targets {
		if t.ImportPath == "command-line-arguments" {
			return diags // files named on the command line: nothing to match
		}
		want[t.ImportPath] = true
	}
	kept := diags[:0]
	for _, d := range diags {
		if want[strings.TrimSuffix(basePackage(d.Package), "_test")] {
			kept = append(kept, d)
		}
	}
	return kept
}
