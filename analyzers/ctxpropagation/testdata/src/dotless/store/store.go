// Package store is the data layer of a module whose path has no dot
// ("module corp/app", as many internal services are named): its functions
// are the module's own code, exactly as under example.com/app.
package store

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type Store struct{ db *sql.DB }

func (s *Store) Load(id int64) (string, error) { // want Load:`noContextIO\(passes context\.Background\(\) to sql\.DB\.QueryRowContext\)`
	var name string
	err := s.db.QueryRowContext(context.Background(), "SELECT name FROM users WHERE id = ?", id).Scan(&name)
	return name, err
}

// Bounded has a deadline of its own: it cannot hang for a caller that
// has gone, so it carries no fact.
func (s *Store) Bounded(id int64) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := s.db.ExecContext(ctx, "DELETE FROM users WHERE id = ?", id)
	return err
}

// Fetch reaches the network through net/http, a std package whose path
// has no dot either: the twin table covers it, so it is reported here and
// gives Fetch its fact, while std itself gets none.
func Fetch(url string) (*http.Response, error) { // want Fetch:`noContextIO\(calls http\.Get, which takes no context\)`
	return http.Get(url)
}
