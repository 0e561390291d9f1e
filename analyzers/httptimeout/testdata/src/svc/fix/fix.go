package fix

import (
	"log"
	"net"
	"net/http"
	"time"
)

func Multiline(addr string, h http.Handler) *http.Server {
	return &http.Server{ // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
		Addr:         addr,
		Handler:      h,
		WriteTimeout: time.Minute,
	}
}

func OneLine(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
}

func Empty() *http.Server {
	return &http.Server{} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
}

// An explicit zero is reported but not rewritten: the author chose it.
func Zero() *http.Server {
	return &http.Server{ReadTimeout: 0} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
}

func Serve(l net.Listener, mux *http.ServeMux) {
	log.Fatal(http.ListenAndServe(":8080", mux))                      // want `http.ListenAndServe serves with no read timeouts`
	log.Fatal(http.ListenAndServe(":8080", nil))                      // want `http.ListenAndServe serves with no read timeouts`
	log.Fatal(http.ListenAndServeTLS(":8443", "c.pem", "k.pem", mux)) // want `http.ListenAndServeTLS serves with no read timeouts`
	log.Fatal(http.Serve(l, mux))                                     // want `http.Serve serves with no read timeouts`
	log.Fatal(http.ServeTLS(l, mux, "c.pem", "k.pem"))                // want `http.ServeTLS serves with no read timeouts`
}

func newListener() net.Listener { return nil }
func newMux() http.Handler      { return nil }

// Two arguments with side effects would change order: no fix.
func Order() {
	log.Fatal(http.Serve(newListener(), newMux())) // want `http.Serve serves with no read timeouts`
}
