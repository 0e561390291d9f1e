package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/resilint/resilint/analyzers"
)

// triageHeader starts every eval/triage/NAME.tsv and every
// eval/results/untriaged/NAME.tsv.
const triageHeader = "analyzer\tfile\tline\tlabel\treason"

const (
	labelTP         = "TP"
	labelFP         = "FP"
	labelBorderline = "BORDERLINE"
	labelMiss       = "MISS" // a place resilint should report and did not
)

// A location is what a triage record and a finding are matched on.
// Matching is exact: the apps are pinned to a commit, so lines do not
// move; a finding that moves (a rule now reports another line) is shown
// as unlabeled, to be triaged again, rather than guessed.
type location struct {
	Analyzer string
	File     string // slash-separated, relative to the module root
	Line     int
}

type record struct {
	location
	Label, Reason string
	Row           int
}

// loadTriage reads eval/triage/NAME.tsv; a target without one has no labels.
func loadTriage(name string) (map[location]record, error) {
	p := filepath.Join(repoDir(), "eval", "triage", name+".tsv")
	f, err := os.Open(p)
	if errors.Is(err, os.ErrNotExist) {
		return map[location]record{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := parseTriage(f, analyzers.Names())
	if err != nil {
		return nil, fmt.Errorf("eval/triage/%s.tsv: %v", name, err)
	}
	return recs, nil
}

// parseTriage reads a triage table. Blank lines and # comments are
// skipped, and so are rows with an empty label (a copied untriaged row
// not yet judged). The reason, last, may hold tabs.
func parseTriage(r io.Reader, known []string) (map[location]record, error) {
	recs := map[location]record{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	header := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			if line != triageHeader {
				return nil, fmt.Errorf("line %d: want the header %q", n, triageHeader)
			}
			header = true
			continue
		}
		f := strings.SplitN(line, "\t", 5)
		if len(f) < 4 {
			return nil, fmt.Errorf("line %d: want analyzer, file, line, label and reason separated by tabs", n)
		}
		rec := record{Label: strings.ToUpper(strings.TrimSpace(f[3])), Row: n}
		if len(f) == 5 {
			rec.Reason = f[4]
		}
		if rec.Label == "" {
			continue
		}
		rec.Analyzer = strings.TrimSpace(f[0])
		if !contains(known, rec.Analyzer) {
			return nil, fmt.Errorf("line %d: unknown analyzer %q", n, rec.Analyzer)
		}
		file := strings.TrimSpace(f[1])
		if file == "" || strings.Contains(file, `\`) || path.IsAbs(file) {
			return nil, fmt.Errorf("line %d: file %q is not a slash-separated path relative to the module root", n, file)
		}
		rec.File = strings.TrimPrefix(path.Clean(file), "./")
		lineNo, err := strconv.Atoi(strings.TrimSpace(f[2]))
		if err != nil || lineNo < 1 {
			return nil, fmt.Errorf("line %d: bad line number %q", n, f[2])
		}
		rec.Line = lineNo
		switch rec.Label {
		case labelTP, labelFP, labelBorderline, labelMiss:
		default:
			return nil, fmt.Errorf("line %d: label %q is none of TP, FP, BORDERLINE, MISS", n, f[3])
		}
		if prev, dup := recs[rec.location]; dup {
			return nil, fmt.Errorf("line %d: %s %s:%d already labeled on line %d", n, rec.Analyzer, rec.File, rec.Line, prev.Row)
		}
		recs[rec.location] = rec
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !header && len(recs) == 0 {
		return nil, fmt.Errorf("empty: want at least the header %q", triageHeader)
	}
	return recs, nil
}

// counts tallies one analyzer on one target or a group of them.
// TP, FP and Borderline count findings (two findings on one line share
// the line's label); TPReported and MissFound count labeled locations.
type counts struct {
	Findings   int `json:"findings"`
	TP         int `json:"tp"`
	FP         int `json:"fp"`
	Borderline int `json:"borderline"`
	Unlabeled  int `json:"unlabeled"`
	MissFound  int `json:"miss_found"`
	TPReported int `json:"tp_reported"`
	TPLabels   int `json:"tp_labels"`
	MissLabels int `json:"miss_labels"`
}

func (c *counts) add(o counts) {
	c.Findings += o.Findings
	c.TP += o.TP
	c.FP += o.FP
	c.Borderline += o.Borderline
	c.Unlabeled += o.Unlabeled
	c.MissFound += o.MissFound
	c.TPReported += o.TPReported
	c.TPLabels += o.TPLabels
	c.MissLabels += o.MissLabels
}

// A fraction keeps a metric's numerator and denominator; Den 0 means
// the metric is not defined.
type fraction struct{ Num, Den int }

func (c counts) precision() fraction { return fraction{c.TP, c.TP + c.FP} }
func (c counts) strict() fraction    { return fraction{c.TP, c.TP + c.FP + c.Borderline} }
func (c counts) recall() fraction {
	return fraction{c.TPReported + c.MissFound, c.TPLabels + c.MissLabels}
}

// An untriagedRow is one location reported without a label.
type untriagedRow struct {
	location
	Messages []string
}

// score matches a target's findings against its triage records.
func score(findings []reportFinding, recs map[location]record) (map[string]counts, []untriagedRow) {
	by := map[string]counts{}
	for _, r := range recs {
		c := by[r.Analyzer]
		switch r.Label {
		case labelTP:
			c.TPLabels++
		case labelMiss:
			c.MissLabels++
		}
		by[r.Analyzer] = c
	}
	reported := map[location]bool{}
	untriaged := map[location]*untriagedRow{}
	for _, f := range findings {
		loc := location{f.Analyzer, f.File, f.Line}
		c := by[f.Analyzer]
		c.Findings++
		rec, labeled := recs[loc]
		switch {
		case !labeled:
			c.Unlabeled++
			if untriaged[loc] == nil {
				untriaged[loc] = &untriagedRow{location: loc}
			}
			untriaged[loc].Messages = append(untriaged[loc].Messages, f.Message)
		case rec.Label == labelTP:
			c.TP++
		case rec.Label == labelFP:
			c.FP++
		case rec.Label == labelBorderline:
			c.Borderline++
		}
		by[f.Analyzer] = c
		reported[loc] = true
		for _, r := range f.Related {
			rl := location{f.Analyzer, r.File, r.Line}
			if rec, ok := recs[rl]; ok && (rec.Label == labelTP || rec.Label == labelMiss) {
				reported[rl] = true
			}
		}
	}
	for loc := range reported {
		rec, ok := recs[loc]
		if !ok {
			continue
		}
		c := by[loc.Analyzer]
		switch rec.Label {
		case labelTP:
			c.TPReported++
		case labelMiss:
			c.MissFound++
		}
		by[loc.Analyzer] = c
	}
	var rows []untriagedRow
	for _, r := range untriaged {
		rows = append(rows, *r)
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Analyzer < b.Analyzer
	})
	return by, rows
}
