// Package svcctl holds the subcommands of a command-line tool that
// administers a running service through its local admin endpoint, the way
// caddy's caddycmd and cloud-sql-proxy's cmd packages do. The user who
// runs a subcommand watches it and can interrupt it, and the process ends
// with the request, so one-shot requests are not reported; polling and
// waiting loops are, because nobody watches them.
package svcctl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"
)

// A Command is registered by name; its Func runs when the user types it.
type Command struct {
	Name string
	Func func(args []string) error
}

var commands = []Command{
	{Name: "reload", Func: cmdReload},
	{Name: "upgrade", Func: cmdUpgrade},
	{Name: "debug", Func: cmdDebug},
	{Name: "wait", Func: cmdWait},
	{Name: "tail", Func: cmdTail},
	{Name: "ping", Func: cmdPing},
	{Name: "watch", Func: cmdWatch},
	{Name: "stop", Func: func(args []string) error {
		// A subcommand written inline sends once too.
		resp, err := http.Post("http://localhost:2019/stop", "application/json", nil)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}},
}

// Run dispatches to the subcommand the user named.
func Run(args []string) error {
	for _, c := range commands {
		if c.Name == args[0] {
			return c.Func(args[1:])
		}
	}
	return errors.New("unknown command")
}

func cmdReload(args []string) error {
	cfg, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	_, err = AdminRequest("unix", "/run/svc/admin.sock", http.MethodPost, "/load", cfg)
	return err
}

// AdminRequest sends one request to the admin endpoint, which may listen
// on a unix socket: the client dials the endpoint's own network. A reload
// lasts as long as loading the configuration takes; no fixed bound fits.
func AdminRequest(network, addr, method, uri string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(method, "http://admin"+uri, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	client := http.Client{
		Transport: &http.Transport{
			DialContext: func(_ context.Context, _, _ string) (net.Conn, error) {
				return net.Dial(network, addr)
			},
		},
	}
	return client.Do(req)
}

// cmdUpgrade downloads a binary that the build server builds on demand.
func cmdUpgrade(args []string) error {
	qs := url.Values{"os": {"linux"}, "arch": {"amd64"}, "p": args}
	resp, err := http.Get("https://build.example.com/download?" + qs.Encode())
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, err := os.Create("svc.new")
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, resp.Body)
	return err
}

// cmdDebug collects each debug endpoint once into files, telling the user
// what it fetches; a CPU profile legitimately takes 30 seconds.
func cmdDebug(args []string) error {
	endpoints := map[string]string{
		"/debug/pprof/profile?seconds=30": "cpu.pb.gz",
		"/debug/pprof/heap":               "heap.pb.gz",
		"/metrics":                        "metrics.txt",
	}
	for path, file := range endpoints {
		u := args[0] + path
		fmt.Println("collecting:", u)
		resp, err := http.DefaultClient.Get(u)
		if err != nil {
			return err
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cmdWait polls until the service is ready or the --wait limit passes. A
// hung request blocks past that limit, so the poll is reported.
func cmdWait(args []string) error {
	limit := time.After(30 * time.Second)
	for {
		select {
		case <-limit:
			return errors.New("service did not become ready")
		default:
			resp, err := http.Get(args[0] + "/readiness") // want `http.Get uses http.DefaultClient, which has no timeout`
			if err == nil && resp.StatusCode == http.StatusOK {
				return nil
			}
			time.Sleep(time.Second)
		}
	}
}

// cmdPing asks the service a few times, a second apart: a retry loop
// that nobody watches between attempts.
func cmdPing(args []string) error {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := http.Head(args[0]) // want `http.Head uses http.DefaultClient`
		if err == nil {
			return resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return errors.New("no answer")
}

// cmdWatch prints the service's status on every tick until interrupted:
// the range over the ticker's channel waits between rounds, so a hung
// request stalls the watch with nobody noticing.
func cmdWatch(args []string) error {
	ticker := time.NewTicker(5 * time.Second)
	defer ticker.Stop()
	for range ticker.C {
		resp, err := http.Get(args[0] + "/status") // want `http.Get uses http.DefaultClient`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// cmdTail follows the service's event stream in a loop with no end, and
// asks for the status once a round through a helper: nobody watches it.
func cmdTail(args []string) error {
	for {
		status, err := fetchStatus(args[0])
		if err != nil {
			return err
		}
		fmt.Println(status)
	}
}

func fetchStatus(base string) (string, error) {
	resp, err := http.Get(base + "/status") // want `http.Get uses http.DefaultClient`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var s struct{ State string }
	err = json.NewDecoder(resp.Body).Decode(&s)
	return s.State, err
}

// WatchHealth checks the service from a goroutine until told to stop.
func WatchHealth(base string, stop <-chan struct{}) {
	go func() {
		c := &http.Client{} // want `http.Client has no Timeout`
		resp, err := c.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
	}()
	<-stop
}

// NewAPIClient returns a client that the tool's API wrapper keeps for the
// whole run, which can last as long as a CI job: it is reported.
func NewAPIClient() *http.Client {
	tr := &http.Transport{Proxy: http.ProxyFromEnvironment}
	return &http.Client{Transport: tr} // want `http.Client has no Timeout`
}
