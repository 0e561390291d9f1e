// Command api serves the price API.
package main

import (
	"log"
	"net/http"

	"example.com/basic/internal/fetch"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/price", func(w http.ResponseWriter, r *http.Request) {
		b, err := fetch.Price("http://prices.internal/latest")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		w.Write(b)
	})
	log.Fatal(http.ListenAndServe(":8080", mux))
}
