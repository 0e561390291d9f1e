package ginapp

import (
	"net"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

func routes() *gin.Engine {
	r := gin.New()
	r.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	return r
}

func Main(l net.Listener) {
	r := routes()
	_ = r.Run(":8080")              // want `gin's Engine.Run serves with an http.Server that has no read timeouts: slow clients \(Slowloris\) can hold every connection open and exhaust the server; serve the engine from an http.Server with ReadHeaderTimeout set`
	_ = r.RunTLS(":8443", "c", "k") // want `gin's Engine.RunTLS serves with an http.Server that has no read timeouts`
	_ = r.RunUnix("/run/app.sock")  // a unix socket: behind a local proxy, not reported
	_ = r.RunFd(3)                  // want `gin's Engine.RunFd serves`
	_ = r.RunListener(l)            // want `gin's Engine.RunListener serves`
}

// The fix: serve the engine from a configured http.Server.
func Serve() error {
	srv := &http.Server{Addr: ":8080", Handler: routes(), ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

// A handler method sends with the request's gin.Context: that is the
// request's context (no deadline), not a caller's.
type Proxy struct{ upstream string }

func (p *Proxy) Forward(c *gin.Context) {
	req, err := http.NewRequestWithContext(c, http.MethodGet, p.upstream+c.Param("path"), nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient`
	if err != nil {
		return
	}
	resp.Body.Close()
}
