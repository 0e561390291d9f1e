package svcctl

import (
	"fmt"
	"net"
	"net/http"
	"os/exec"
)

func init() {
	commands = append(commands,
		Command{Name: "open", Func: cmdOpen},
		Command{Name: "preview", Func: cmdPreview},
		Command{Name: "serve", Func: cmdServe},
		Command{Name: "docs", Func: cmdDocs})
}

// `svcctl open` serves a saved archive to the browser it opens, until the
// user quits: a short-lived foreground server with one local client.
func cmdOpen(args []string) error {
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(args[0])))
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		return err
	}
	go func() {
		openBrowser(fmt.Sprintf("http://localhost:%d", l.Addr().(*net.TCPAddr).Port))
	}()
	return http.Serve(l, mux)
}

func openBrowser(u string) error { return exec.Command("xdg-open", u).Start() }

// The same with an http.Server, opening the browser through exec.
func cmdPreview(args []string) error {
	srv := &http.Server{Addr: "127.0.0.1:8081", Handler: http.FileServer(http.Dir(args[0]))}
	if err := exec.Command("open", "http://127.0.0.1:8081").Start(); err != nil {
		return err
	}
	return srv.ListenAndServe()
}

// A subcommand that runs the service itself is no browser preview.
func cmdServe(args []string) error {
	return http.ListenAndServe(args[0], http.NotFoundHandler()) // want `http.ListenAndServe serves with no read timeouts`
}

// Serving on a loopback listener: only local processes can connect.
func cmdDocs(args []string) error {
	l, err := net.Listen("tcp", "127.0.0.1:6060")
	if err != nil {
		return err
	}
	return http.Serve(l, http.FileServer(http.Dir(args[0])))
}
