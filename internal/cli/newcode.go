package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/resilint/resilint/internal/finding"
)

// -new-from-rev and -new-from-merge-base report only the findings on lines
// changed since a revision, as golangci-lint's options of the same names
// do: the lines come from `git diff -U0 REV` (committed, staged and
// unstaged changes alike), and files git does not track yet are new.

// changedLines is what changed since the revision, by file relative to
// the repository's top level.
type changedLines struct {
	top   string                  // the top level, symlinks resolved
	files map[string]map[int]bool // nil line set: the whole file is new
	real  map[string]string       // cache of resolved finding directories
}

// changedSince reads the changes since the revision the flags name, or
// returns nil when neither flag is given.
func changedSince(ctx context.Context, opts *options, wd string) (*changedLines, error) {
	flagName, rev := "-new-from-rev", opts.newFromRev
	if opts.newFromBase != "" {
		flagName = "-new-from-merge-base"
		base, err := git(ctx, wd, "merge-base", opts.newFromBase, "HEAD")
		if err != nil {
			return nil, usagef("%s %s: %v", flagName, opts.newFromBase, err)
		}
		rev = strings.TrimSpace(base)
	}
	if rev == "" {
		return nil, nil
	}
	top, err := git(ctx, wd, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, usagef("%s needs a git repository: %v", flagName, err)
	}
	if _, err := git(ctx, wd, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, usagef("%s %s: no such revision in this repository", flagName, rev)
	}
	c := &changedLines{files: map[string]map[int]bool{}, real: map[string]string{}}
	if c.top, err = filepath.EvalSymlinks(strings.TrimSpace(top)); err != nil {
		return nil, err
	}
	// The prefixes are explicit so that a user's diff.noprefix or
	// diff.mnemonicPrefix setting cannot change what is parsed.
	diff, err := git(ctx, c.top, "diff", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", "-U0", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("%s: %v", flagName, err)
	}
	if err := c.addDiff(diff); err != nil {
		return nil, fmt.Errorf("%s: reading git diff: %v", flagName, err)
	}
	untracked, err := git(ctx, c.top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("%s: %v", flagName, err)
	}
	for _, f := range strings.Split(untracked, "\x00") {
		if f != "" {
			c.files[f] = nil
		}
	}
	return c, nil
}

// git runs a git command and returns its stdout, or its stderr as the error.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("git %s: %s", args[0], msg)
		}
		return "", fmt.Errorf("git %s: %v", args[0], err)
	}
	return stdout.String(), nil
}

// hunkHeader is "@@ -old[,n] +new[,n] @@": the new side's first line and count.
var hunkHeader = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@`)

// addDiff records the new-side lines of every hunk of a -U0 diff.
func (c *changedLines) addDiff(diff string) error {
	var cur map[int]bool
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "+++ "); ok {
			cur = nil
			if name == "/dev/null" {
				continue // deleted: nothing of it is left to report on
			}
			if strings.HasPrefix(name, `"`) {
				unq, err := strconv.Unquote(name)
				if err != nil {
					return fmt.Errorf("file name %s: %v", name, err)
				}
				name = unq
			}
			path := strings.TrimPrefix(name, "b/")
			cur = map[int]bool{}
			c.files[path] = cur
			continue
		}
		m := hunkHeader.FindStringSubmatch(line)
		if m == nil || cur == nil {
			continue
		}
		start, _ := strconv.Atoi(m[1])
		count := 1
		if m[2] != "" {
			count, _ = strconv.Atoi(m[2])
		}
		for l := start; l < start+count; l++ {
			cur[l] = true
		}
	}
	return sc.Err()
}

// filter keeps the findings on changed lines and counts the others.
func (c *changedLines) filter(fs []finding.Finding) (kept []finding.Finding, unchanged int) {
	for _, f := range fs {
		if c.isNew(f) {
			kept = append(kept, f)
		} else {
			unchanged++
		}
	}
	return kept, unchanged
}

func (c *changedLines) isNew(f finding.Finding) bool {
	rel, ok := c.relToTop(f.File)
	if !ok {
		return true // outside the repository: nothing to compare with
	}
	lines, changed := c.files[rel]
	switch {
	case !changed:
		return false
	case lines == nil, f.Line == 0:
		return true // a new file, or a finding about a changed file as a whole
	}
	return lines[f.Line]
}

// relToTop is file relative to the top level, with forward slashes. The
// directory's symlinks are resolved as git resolved the top level's.
func (c *changedLines) relToTop(file string) (string, bool) {
	dir := filepath.Dir(file)
	real, ok := c.real[dir]
	if !ok {
		var err error
		if real, err = filepath.EvalSymlinks(dir); err != nil {
			real = dir
		}
		c.real[dir] = real
	}
	rel, err := filepath.Rel(c.top, filepath.Join(real, filepath.Base(file)))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
