// Command svcd is a daemon: its main package serves HTTP, so the requests
// its handlers make are reported even though it is a main package.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"time"
)

var upstream = flag.String("upstream", "https://api.example.com", "upstream API")

func main() {
	flag.Parse()
	// A start-up fetch runs once, before the daemon serves anything.
	resp, err := http.Get(*upstream + "/config")
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("/user", handleUser)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

func handleUser(w http.ResponseWriter, r *http.Request) {
	u, err := lookupUser(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(u)
}

// lookupUser is called from a handler: every request to /user waits on it.
func lookupUser(id string) (map[string]any, error) {
	resp, err := http.Get(*upstream + "/users/" + id) // want `http.Get uses http.DefaultClient`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u map[string]any
	return u, json.NewDecoder(resp.Body).Decode(&u)
}
