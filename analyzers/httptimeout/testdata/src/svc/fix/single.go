package fix

import "net/http"

var Admin = &http.Server{Addr: ":9091"} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
