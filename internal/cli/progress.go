package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// A cold run on a large module spends minutes downloading modules and
// compiling dependencies before the first package is analyzed; progress
// shows that something is happening. It is one status line on stderr,
// rewritten in place, and only on a terminal: logs and pipes get nothing.

// progress draws the status line. A nil *progress draws nothing, so
// callers need not check whether stderr is a terminal.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	width    int  // terminal columns; the line is cut to fit, or it would wrap and not be erased
	plain    bool // NO_COLOR: erase with spaces instead of an escape sequence
	now      func() time.Time
	start    time.Time
	phase    string
	done     int
	total    int
	activity string // what the go command is doing, from its -v output
	drawn    int    // length of the line on screen, 0 when none
	last     string // the line on screen
	stop     chan struct{}
	stopped  chan struct{}
}

// newProgress returns a progress line for w, or nil when w is not a
// terminal or TERM=dumb says the terminal cannot rewrite a line.
func newProgress(w io.Writer, getenv func(string) string) *progress {
	width, ok := terminalWidth(w)
	if !ok || getenv("TERM") == "dumb" {
		return nil
	}
	return &progress{w: w, width: width, plain: getenv("NO_COLOR") != "", now: time.Now, start: time.Now()}
}

// terminalWidth reports whether w is a terminal, and its width. A writer
// may answer for itself (tests use a fake terminal).
func terminalWidth(w io.Writer) (int, bool) {
	if t, ok := w.(interface{ TerminalWidth() (int, bool) }); ok {
		return t.TerminalWidth()
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width <= 0 {
		width = 80
	}
	return width, true
}

// tick redraws the line every interval, so the elapsed time moves while
// the go command is busy, until close.
func (p *progress) tick(interval time.Duration) {
	if p == nil {
		return
	}
	p.stop, p.stopped = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(p.stopped)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				p.draw()
				p.mu.Unlock()
			}
		}
	}()
}

// setPhase starts a phase; total 0 means there is nothing to count yet.
func (p *progress) setPhase(phase string, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.phase, p.total, p.done, p.activity = phase, total, 0, ""
	p.draw()
}

// step counts one package analyzed.
func (p *progress) step() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.draw()
}

// setActivity shows what the go command is working on.
func (p *progress) setActivity(s string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.activity = s
	p.draw()
}

// println prints a line of its own (verbose output) above the status line.
func (p *progress) println(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	fmt.Fprintln(p.w, s)
	p.draw()
}

// close stops the ticker and erases the line, so that what is printed next
// starts on a clean line.
func (p *progress) close() {
	if p == nil {
		return
	}
	if p.stop != nil {
		close(p.stop)
		<-p.stopped
		p.stop = nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
}

// line is the status text, cut to the terminal's width.
func (p *progress) line() string {
	elapsed := p.now().Sub(p.start).Round(time.Second)
	var b strings.Builder
	b.WriteString("resilint: ")
	b.WriteString(p.phase)
	if p.total > 0 {
		fmt.Fprintf(&b, " %d/%d packages", p.done, p.total)
	}
	fmt.Fprintf(&b, ", %s", elapsed)
	if p.activity != "" {
		b.WriteString(" (")
		b.WriteString(p.activity)
		b.WriteString(")")
	}
	s := []rune(b.String())
	if limit := p.width - 1; limit > 0 && len(s) > limit {
		s = s[:limit]
	}
	return string(s)
}

// draw rewrites the line in place: back to column 0, the text, then clear
// what a longer previous line left.
func (p *progress) draw() {
	s := p.line()
	if p.drawn > 0 && s == p.last {
		return
	}
	p.last = s
	n := len([]rune(s))
	if p.plain {
		fmt.Fprintf(p.w, "\r%s%s", s, strings.Repeat(" ", max(p.drawn-n, 0)))
	} else {
		fmt.Fprintf(p.w, "\r%s\x1b[K", s)
	}
	p.drawn = n
}

func (p *progress) erase() {
	if p.drawn == 0 {
		return
	}
	if p.plain {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.drawn))
	} else {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	p.drawn = 0
}
