// Command reindex is an operator's tool: it rebuilds a search index from
// every row of a table, once, and exits. Its daemon mode and its status
// page run unattended and are judged like a service's code.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net/http"
	"time"
)

var daemon = flag.Bool("daemon", false, "keep the index in sync")

func main() {
	flag.Parse()
	db, err := sql.Open("postgres", "")
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	if *daemon {
		go serveStatus(db)
		for {
			if err := syncChanged(ctx, db); err != nil {
				log.Print(err)
			}
			time.Sleep(time.Minute)
		}
	}
	if err := rebuild(ctx, db); err != nil {
		log.Fatal(err)
	}
	if err := verify(ctx, db); err != nil {
		log.Fatal(err)
	}
}

// rebuild streams the whole table on purpose: it is the command's job.
func rebuild(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT id, body FROM documents ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		fmt.Println(id, len(body))
	}
	return rows.Err()
}

// verify is called once from main, through a helper.
func verify(ctx context.Context, db *sql.DB) error { return countOrphans(ctx, db) }

func countOrphans(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT d.id FROM documents d LEFT JOIN index_entries e ON e.doc_id = d.id WHERE e.doc_id IS NULL`)
	if err != nil {
		return err
	}
	return rows.Close()
}

// syncChanged runs every minute in daemon mode: the loop in main repeats it.
func syncChanged(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT id FROM documents WHERE indexed_at IS NULL`) // want `query returns every matching row`
	if err != nil {
		return err
	}
	return rows.Close()
}

// serveStatus runs in a goroutine and serves a page for every request.
func serveStatus(db *sql.DB) {
	http.HandleFunc("/pending", func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.QueryContext(r.Context(), `SELECT id FROM documents WHERE indexed_at IS NULL`) // want `query returns every matching row`
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		rows.Close()
	})
	log.Fatal(http.ListenAndServe("localhost:8080", nil))
}
