package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fakeTTY is a writer that says it is a terminal of the given width.
type fakeTTY struct {
	bytes.Buffer
	width int
}

func (f *fakeTTY) TerminalWidth() (int, bool) { return f.width, true }

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// fakeClock starts at zero and moves when told.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func newTestProgress(t *testing.T, w *fakeTTY, vars map[string]string) (*progress, *fakeClock) {
	t.Helper()
	p := newProgress(w, env(vars))
	if p == nil {
		t.Fatal("no progress on a terminal")
	}
	clock := &fakeClock{t: time.Unix(1000, 0)}
	p.now, p.start = clock.now, clock.t
	return p, clock
}

func TestProgressOnlyOnTerminals(t *testing.T) {
	if p := newProgress(&bytes.Buffer{}, env(nil)); p != nil {
		t.Error("progress on a writer that is not a terminal")
	}
	if p := newProgress(&fakeTTY{width: 80}, env(map[string]string{"TERM": "dumb"})); p != nil {
		t.Error("progress with TERM=dumb")
	}
	if p := newProgress(&fakeTTY{width: 80}, env(map[string]string{"TERM": "xterm"})); p == nil {
		t.Error("no progress on a terminal")
	}
	// A nil progress is silent and safe to use.
	var p *progress
	p.setPhase("analyzing", 3)
	p.step()
	p.setActivity("go: fmt")
	p.tick(time.Millisecond)
	p.close()
}

func TestProgressRendersInPlace(t *testing.T) {
	w := &fakeTTY{width: 80}
	p, clock := newTestProgress(t, w, nil)
	p.setPhase("analyzing", 4)
	clock.t = clock.t.Add(65 * time.Second)
	p.step()
	p.setActivity("go: net/http")
	got := w.String()
	want := "\rresilint: analyzing 0/4 packages, 0s\x1b[K" +
		"\rresilint: analyzing 1/4 packages, 1m5s\x1b[K" +
		"\rresilint: analyzing 1/4 packages, 1m5s (go: net/http)\x1b[K"
	if got != want {
		t.Errorf("drawn:\n%q\nwant:\n%q", got, want)
	}

	// A line printed meanwhile erases the status line and redraws it below.
	w.Reset()
	p.println("resilint: go vet ./...")
	if want := "\r\x1b[Kresilint: go vet ./...\n\rresilint: analyzing 1/4 packages, 1m5s (go: net/http)\x1b[K"; w.String() != want {
		t.Errorf("println drew %q, want %q", w.String(), want)
	}

	// Nothing changed: nothing is redrawn.
	w.Reset()
	p.mu.Lock()
	p.draw()
	p.mu.Unlock()
	if w.Len() != 0 {
		t.Errorf("an unchanged line was redrawn: %q", w.String())
	}

	w.Reset()
	p.close()
	if w.String() != "\r\x1b[K" {
		t.Errorf("close left %q, want the line erased", w.String())
	}
}

func TestProgressFitsTheTerminal(t *testing.T) {
	w := &fakeTTY{width: 30}
	p, _ := newTestProgress(t, w, nil)
	p.setPhase("analyzing", 100)
	p.setActivity("go: github.com/some/very/long/import/path")
	for _, frame := range strings.Split(w.String(), "\r")[1:] {
		text := strings.TrimSuffix(frame, "\x1b[K")
		if len(text) > 29 {
			t.Errorf("line of %d columns on a 30-column terminal would wrap: %q", len(text), text)
		}
	}
}

// With NO_COLOR no escape sequence is written: a shorter line is padded
// with spaces over the longer one.
func TestProgressNoColor(t *testing.T) {
	w := &fakeTTY{width: 80}
	p, _ := newTestProgress(t, w, map[string]string{"NO_COLOR": "1"})
	p.setPhase("analyzing", 2)
	p.setActivity("go: fmt")
	p.setActivity("")
	p.close()
	if strings.Contains(w.String(), "\x1b") {
		t.Errorf("escape sequence with NO_COLOR: %q", w.String())
	}
	short := "\rresilint: analyzing 0/2 packages, 0s" + strings.Repeat(" ", len(" (go: fmt)"))
	if !strings.Contains(w.String(), short) {
		t.Errorf("the shorter line does not cover the longer one: %q", w.String())
	}
	if !strings.HasSuffix(w.String(), "\r"+strings.Repeat(" ", len("resilint: analyzing 0/2 packages, 0s"))+"\r") {
		t.Errorf("close did not blank the line: %q", w.String())
	}
}

func TestProgressFromGoOutput(t *testing.T) {
	w := &fakeTTY{width: 100}
	p, _ := newTestProgress(t, w, nil)
	g := &goRunner{prog: p}
	out := g.output(true)
	out.Write([]byte("go: downloading example.com/x v1.0.0\nnet/htt"))
	out.Write([]byte("p\n# example.com/broken\nbroken.go:3:1: undefined: x\n"))
	out.flush()
	if !strings.Contains(w.String(), "(go: downloading example.com/x v1.0.0)") || !strings.Contains(w.String(), "(go: net/http)") {
		t.Errorf("activity not shown: %q", w.String())
	}
	// The package names -v prints are progress, not errors.
	errs := parseVetStderr(out.kept.String())
	if len(errs) != 1 || errs[0].Package != "example.com/broken" {
		t.Errorf("errors parsed from the go command's output: %+v", errs)
	}
}
