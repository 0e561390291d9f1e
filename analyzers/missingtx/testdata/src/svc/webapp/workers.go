package webapp

import (
	"log"
	"net/http"
	"time"
)

// A worker refreshes one feed per job: each job is its own unit of work.
func worker(store *Store, jobs <-chan int64) { // want worker:"writes"
	for id := range jobs {
		if err := store.RefreshFeed(id); err != nil {
			log.Printf("refresh %d: %v", id, err)
		}
	}
}

// A scheduler cleans up on every tick.
func scheduler(store *Store, every time.Duration) { // want scheduler:"writes"
	for range time.Tick(every) {
		_ = store.CleanSessions(24 * time.Hour)
	}
}

// A queue consumer that polls: for with no condition, one job per turn.
func consume(store *Store, next func() (int64, bool)) { // want consume:"writes"
	for {
		id, ok := next()
		if !ok {
			time.Sleep(time.Second)
			continue
		}
		_ = store.RefreshFeed(id)
	}
}

// startDaemon starts the pool, the scheduler and the server in
// goroutines: none of their writes is on its path, so it is not a writer,
// and main's start-up sequence is not reported.
func startDaemon(store *Store) {
	jobs := make(chan int64)
	for range 4 {
		go worker(store, jobs)
	}
	go scheduler(store, time.Hour)
	go func() {
		_ = store.CleanSessions(time.Hour)
	}()
	go http.ListenAndServe(":8080", routes(store))
}

func run(store *Store) { // want run:"atomic-only"
	if _, err := store.CreateFeed(1, "https://example.com/feed"); err != nil {
		return
	}
	startDaemon(store)
	startDaemon(store)
}
