package fix

import (
	"net/http"
)

// Two fixes in one file each import time: the import is added once.
var (
	Internal = &http.Server{Addr: ":8081"} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	Metrics  = &http.Server{Addr: ":8082"} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
)
