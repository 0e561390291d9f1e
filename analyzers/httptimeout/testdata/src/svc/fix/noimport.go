package fix

import (
	"log"
	"net/http"
)

func Main() {
	log.Fatal(http.ListenAndServe(":9090", http.NotFoundHandler())) // want `http.ListenAndServe serves with no read timeouts`
}
