package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// A measurement is one timed run of one tool on one module.
type measurement struct {
	wall   time.Duration
	cpu    time.Duration // user + system, the process and its children
	maxRSS int64         // KiB, the largest single process
}

type tool struct {
	name string
	args []string // before the package pattern
	bin  string
	// repeat: measured twice, the faster cold run kept (see bench).
	repeat bool
}

// bench measures, on each corpus module, a cold run (empty build cache)
// and a warm re-run of resilint, go vet, gosec (the rules that overlap
// resilint: G101 secrets, G112 Slowloris, G114 ListenAndServe) and noctx,
// plus the CPU share of resilint's own analyzers. It rewrites the results
// section of docs/performance.md.
func bench(only []string) error {
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		return fmt.Errorf("needs GNU time: apt-get install time")
	}
	mods, err := readCorpus(only)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "resilint-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	resilint := filepath.Join(tmp, "resilint")
	if err := buildResilint(resilint, "bench"); err != nil {
		return err
	}
	peers := filepath.Join(tmp, "peers")
	build := command(filepath.Join(repoDir(), "tools"), []string{"GOBIN=" + peers}, "go", "install",
		"github.com/securego/gosec/v2/cmd/gosec", "github.com/sonatard/noctx/cmd/noctx")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building the peers from tools/go.mod: %v", err)
	}
	tools := []tool{
		{"resilint", nil, resilint, true},
		{"go vet", []string{"vet"}, "go", true},
		{"gosec", []string{"-quiet", "-include=G101,G112,G114", "-fmt=json", "-out=/dev/null"}, filepath.Join(peers, "gosec"), false},
		// noctx ships as a vet tool: go vet is its own driver.
		{"noctx", []string{"vet", "-vettool=" + filepath.Join(peers, "noctx")}, "go", false},
	}

	var rows []string
	for _, m := range mods {
		if _, err := os.Stat(filepath.Join(m.Dir(), okMarker)); err != nil {
			return fmt.Errorf("%s is not materialized: run `make corpus` first", m.Name)
		}
		// resilint and go vet, the pair the cold target compares, are
		// measured twice, alternating, and the faster run of each is kept:
		// on a small shared machine one cold run varies by 20%.
		res := map[string][2]measurement{}
		for round := range 2 {
			for _, t := range tools {
				if round > 0 && !t.repeat {
					continue
				}
				cache := filepath.Join(tmp, "gocache-"+m.Name+"-"+strings.ReplaceAll(t.name, " ", ""))
				var pair [2]measurement
				for i := range pair {
					pair[i], err = timed(m.Dir(), []string{"GOCACHE=" + cache}, t.bin, append(t.args, "./...")...)
					if err != nil {
						return fmt.Errorf("%s on %s: %v", t.name, m.Name, err)
					}
					fmt.Fprintf(os.Stderr, "bench: %-12s %-8s %-5s %8s  %6d MiB\n", m.Name, t.name, []string{"cold", "warm"}[i], pair[i].wall.Round(100*time.Millisecond), pair[i].maxRSS/1024)
				}
				os.RemoveAll(cache)
				if old, ok := res[t.name]; !ok || pair[0].wall < old[0].wall {
					res[t.name] = pair
				}
			}
		}
		share, err := analyzerShare(m, tmp)
		if err != nil {
			return err
		}
		r, v, g, n := res["resilint"], res["go vet"], res["gosec"], res["noctx"]
		rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s | %s | %s | %s | **%.2f** | **%.2f** | %.2f | %.2f | %d / %d / %d | **%.2f** | %.1f%% |",
			m.Name, secs(r[0].wall), secs(r[1].wall), secs(v[0].wall), secs(v[1].wall), secs(g[0].wall), secs(n[0].wall),
			ratio(r[0].wall, v[0].wall), ratio(r[1].wall, r[0].wall), ratio(r[0].wall, g[0].wall), ratio(r[0].wall, n[0].wall),
			r[0].maxRSS/1024, v[0].maxRSS/1024, g[0].maxRSS/1024, float64(r[0].maxRSS)/float64(g[0].maxRSS), share))
	}
	return writePerformance(rows)
}

// analyzerShare runs resilint once more with a fresh vet tool ID (so every
// package is analyzed again, while compiled dependencies stay cached) and
// returns the share of the run's CPU time spent inside resilint's
// analyzers, as recorded by RESILINT_PROFILE.
func analyzerShare(m module, tmp string) (float64, error) {
	bin := filepath.Join(tmp, "profile-"+m.Name, "resilint")
	if err := buildResilint(bin, "bench-profile-"+m.Name+strconv.FormatInt(time.Now().UnixNano(), 36)); err != nil {
		return 0, err
	}
	profile := filepath.Join(tmp, "profile-"+m.Name+".tsv")
	meas, err := timed(m.Dir(), []string{"RESILINT_PROFILE=" + profile}, bin, "./...")
	if err != nil {
		return 0, err
	}
	f, err := os.Open(profile)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var total time.Duration
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) == 3 {
			ns, _ := strconv.ParseInt(fields[2], 10, 64)
			total += time.Duration(ns)
		}
	}
	return 100 * total.Seconds() / meas.cpu.Seconds(), nil
}

// timed runs a command under GNU time. Exit codes are ignored: linters
// exit non-zero when they find something.
func timed(dir string, env []string, name string, args ...string) (measurement, error) {
	cmd := command(dir, env, "/usr/bin/time", append([]string{"-v", name}, args...)...)
	var errb bytes.Buffer
	cmd.Stdout = nil
	cmd.Stderr = &errb
	cmd.Run()
	var m measurement
	var user, sys float64
	found := false
	sc := bufio.NewScanner(&errb)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		key, val, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		switch key {
		case "Elapsed (wall clock) time (h:mm:ss or m:ss)":
			m.wall = parseClock(val)
			found = true
		case "Maximum resident set size (kbytes)":
			m.maxRSS, _ = strconv.ParseInt(val, 10, 64)
		case "User time (seconds)":
			user, _ = strconv.ParseFloat(val, 64)
		case "System time (seconds)":
			sys, _ = strconv.ParseFloat(val, 64)
		}
	}
	if !found {
		return m, fmt.Errorf("no timing from /usr/bin/time:\n%s", errb.String())
	}
	m.cpu = time.Duration((user + sys) * float64(time.Second))
	return m, nil
}

func parseClock(s string) time.Duration {
	var total float64
	for _, part := range strings.Split(s, ":") {
		v, _ := strconv.ParseFloat(part, 64)
		total = total*60 + v
	}
	return time.Duration(total * float64(time.Second))
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1fs", d.Seconds()) }

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return a.Seconds() / b.Seconds()
}

const (
	benchStart = "<!-- bench:start -->"
	benchEnd   = "<!-- bench:end -->"
)

// writePerformance replaces the generated section of docs/performance.md.
func writePerformance(rows []string) error {
	path := filepath.Join(repoDir(), "docs", "performance.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	i, j := bytes.Index(doc, []byte(benchStart)), bytes.Index(doc, []byte(benchEnd))
	if i < 0 || j < i {
		return fmt.Errorf("%s lacks the %s ... %s markers", path, benchStart, benchEnd)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nGenerated by `make bench` on %s. Machine: %s.\n\n", benchStart, time.Now().UTC().Format("2006-01-02"), machine())
	b.WriteString("| module | resilint cold | resilint warm | go vet cold | go vet warm | gosec cold | noctx cold | resilint / go vet (cold) | warm / cold | resilint / gosec | resilint / noctx | peak MiB resilint / go vet / gosec | memory resilint / gosec | analyzers' CPU share |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	b.WriteString("\n")
	out := string(doc[:i]) + b.String() + string(doc[j:])
	fmt.Print(b.String())
	return os.WriteFile(path, []byte(out), 0o644)
}

func machine() string {
	cpu := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "model name") {
				_, cpu, _ = strings.Cut(l, ": ")
				break
			}
		}
	}
	mem := ""
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		fmt.Sscanf(strings.TrimPrefix(strings.SplitN(string(data), "\n", 2)[0], "MemTotal:"), "%d", &kb)
		mem = fmt.Sprintf(", %d GiB", (kb+512*1024)/(1024*1024))
	}
	out, _ := command(repoDir(), nil, "go", "version").Output()
	return fmt.Sprintf("%d cores (%s)%s, %s", runtime.NumCPU(), strings.TrimSpace(cpu), mem, strings.TrimSpace(string(out)))
}
