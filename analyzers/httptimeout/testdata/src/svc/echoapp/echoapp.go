package echoapp

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

func Main() {
	e := echo.New()
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.Logger.Fatal(e.Start(":8080")) // want `echo's Echo.Start serves e.Server, which has no read timeouts: slow clients \(Slowloris\) can hold every connection open and exhaust the server; set e.Server.ReadHeaderTimeout before starting`
}

func MainTLS() {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second  // this is not the server StartTLS uses
	e.Logger.Fatal(e.StartTLS(":8443", "c", "k")) // want `echo's Echo.StartTLS serves e.TLSServer`
}

func Configured(readTimeout time.Duration) error {
	e := echo.New()
	e.Server.ReadTimeout = readTimeout
	return e.Start(":8080")
}

func ConfiguredTLS() error {
	e := echo.New()
	e.TLSServer.ReadHeaderTimeout = 5 * time.Second
	return e.StartTLS(":8443", "c", "k")
}

func Replaced() error {
	e := echo.New()
	e.Server = &http.Server{ReadHeaderTimeout: 5 * time.Second}
	return e.Start(":8080")
}

func ZeroIsNotSet() error {
	e := echo.New()
	e.Server.ReadTimeout = 0
	return e.Start(":8080") // want `echo's Echo.Start serves e.Server`
}

type API struct {
	echo *echo.Echo
}

func (a *API) Run(addr string) error {
	a.echo.Server.ReadHeaderTimeout = 10 * time.Second
	return a.echo.Start(addr)
}

func (a *API) RunOther(addr string) error {
	return a.echo.Start(addr) // want `echo's Echo.Start serves e.Server`
}

// StartServer takes the caller's server, which is checked where it is created.
func Custom() error {
	e := echo.New()
	return e.StartServer(&http.Server{Addr: ":8080", ReadTimeout: 10 * time.Second})
}
