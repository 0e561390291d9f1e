// Package web serves requests; what it knows of the events package's
// tables comes from that package's facts.
package web

import (
	"database/sql"
	"net/http"

	_ "example.com/svc/growth/events"
)

type Server struct{ db *sql.DB }

// A whole-table read on a request path, of a table whose growth the code
// does not show: reported.
func (s *Server) stations(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.QueryContext(r.Context(), "SELECT id, name FROM stations") // want `it reads the whole stations table on a request path`
	if err == nil {
		rows.Close()
	}
}

// A child list on a request path, of a table with no growth evidence: not
// reported.
func (s *Server) stationsOfGenre(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.QueryContext(r.Context(), "SELECT id FROM stations WHERE genre_id = $1", r.FormValue("genre"))
	if err == nil {
		rows.Close()
	}
}

// The same whole read away from a request path: not reported.
func (s *Server) allStations() (*sql.Rows, error) {
	return s.db.Query("SELECT id, name FROM stations")
}

// events grows in the package that inserts into it: the fact says so here.
func (s *Server) events() (*sql.Rows, error) {
	return s.db.Query("SELECT * FROM events") // want `table events grows with use \(rows are inserted in a loop at store.go:21\)`
}

// webhooks is written only by administrative CRUD there: not reported.
func (s *Server) webhooks(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.QueryContext(r.Context(), "SELECT * FROM webhooks")
	if err == nil {
		rows.Close()
	}
}
