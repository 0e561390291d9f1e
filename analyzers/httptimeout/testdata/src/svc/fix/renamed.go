package fix

import (
	"net/http"
	stdtime "time"
)

var Public = &http.Server{Addr: ":443", WriteTimeout: stdtime.Minute} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
