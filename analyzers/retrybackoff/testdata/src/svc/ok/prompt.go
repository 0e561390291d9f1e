package ok

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
)

type field interface {
	GetContents(io.Reader) (string, error)
	Clean(s string) (string, error)
}

// From k6's internal/ui/form.go: a prompt asks again after invalid input.
// Each attempt validates a new answer read from the same stream: the user
// paces it, and nothing is retried.
func ask(f field, r io.Reader, w io.Writer) (string, error) {
	for {
		fmt.Fprint(w, "  value: ")
		s, err := f.GetContents(r)
		if err != nil {
			return "", err
		}
		v, err := f.Clean(s)
		if err != nil {
			fmt.Fprintln(w, "- "+err.Error())
			continue
		}
		return v, nil
	}
}

// The same with a bufio.Reader on os.Stdin.
func askLine(parse func(string) (int, error)) (int, error) {
	br := bufio.NewReader(os.Stdin)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return 0, err
		}
		n, err := parse(strings.TrimSpace(line))
		if err != nil {
			fmt.Println("try again:", err)
			continue
		}
		return n, nil
	}
}

// A message stream and its receive loop: a message that does not parse is
// skipped and the next one is received; nothing is retried (SPIRE's
// upstream authority streams).
type update struct{ roots []string }

type updateStream interface{ Recv() (*update, error) }

type authorityStream struct{ stream updateStream }

func parseUpdate(u *update) ([]string, error) {
	if len(u.roots) == 0 {
		return nil, io.ErrUnexpectedEOF
	}
	return u.roots, nil
}

func (s *authorityStream) Next() ([]string, error) {
	for {
		resp, err := s.stream.Recv()
		if err != nil {
			return nil, err
		}
		roots, err := parseUpdate(resp)
		if err != nil {
			log.Printf("skipping a malformed update: %v", err)
			continue
		}
		return roots, nil
	}
}
