// Command orderservice is a small but realistic order API. It is the demo
// that `make demo` runs resilint on: most files hold one resilience bug of
// the kind each analyzer finds, next to code written the resilient way.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"example.com/orderservice/api"
	"example.com/orderservice/config"
	"example.com/orderservice/payments"
	"example.com/orderservice/store"
)

func main() {
	cfg := config.Load()
	db, err := sql.Open("postgres", cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	h := api.New(store.New(db), payments.New(cfg.PaymentsURL))

	// Bug(httptimeout): no read timeouts, so slow clients can hold every connection.
	log.Fatal(http.ListenAndServe(cfg.Addr, h.Routes()))
}
