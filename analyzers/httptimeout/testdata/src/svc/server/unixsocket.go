package server

import (
	"context"
	"net"
	"net/http"
	"os"
)

// A server on a unix socket is reached only through the local reverse
// proxy in front of it, which absorbs slow clients: none is reported.

func ServeSocket(path string, h http.Handler) error {
	_ = os.Remove(path)
	l, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	defer l.Close()
	return http.Serve(l, h)
}

func ServeUnixListener(path string, h http.Handler) error {
	var l *net.UnixListener
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return err
	}
	if err := os.Chmod(path, 0o660); err != nil {
		return err
	}
	return http.Serve(l, h)
}

func ServeSocketServer(ctx context.Context, path string, h http.Handler) error {
	var lc net.ListenConfig
	l, err := lc.Listen(ctx, "unix", path)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	return srv.Serve(l)
}

// Reported: the same server on TCP.
func ServeTCP(addr string, h http.Handler) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(l, h) // want `http.Serve serves with no read timeouts`
}

// Reported: the server also listens on TCP.
func ServeBoth(path, addr string, h http.Handler) error {
	l, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	srv := &http.Server{Addr: addr, Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	go srv.Serve(l)
	return srv.ListenAndServe()
}

// Reported: a listener of unknown network.
func ServeOn(l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.Serve(l)
}

// A notification server keeps its unix listener in a field and serves it
// from a goroutine next to its TCP listener (which has read timeouts).
type pushServer struct {
	unixListener net.Listener
	mux          *http.ServeMux
}

func (s *pushServer) serveUnix(path string, errs chan<- error) {
	go func() {
		var err error
		s.unixListener, err = net.Listen("unix", path)
		if err != nil {
			errs <- err
			return
		}
		defer s.unixListener.Close()
		httpServer := &http.Server{Handler: s.mux}
		errs <- httpServer.Serve(s.unixListener)
	}()
}
