package webapp

import (
	"net/http"
	"strconv"
)

type handler struct{ store *Store }

// A password change and the revocation of the other sessions must happen
// together: with only the first, a stolen session outlives the change.
func (h *handler) changePassword(w http.ResponseWriter, r *http.Request) { // want changePassword:"writes"
	uid, _ := strconv.ParseInt(r.FormValue("uid"), 10, 64)
	if err := h.store.UpdatePassword(uid, r.FormValue("hash")); err != nil { // want `2 writes on one path run outside a transaction \(UpdatePassword here, RevokeSessions at line 17\)`
		return
	}
	if err := h.store.RevokeSessions(uid, r.FormValue("token")); err != nil {
		return
	}
}

// Unsubscribing from several feeds removes them one by one: a failure in
// the middle leaves some removed.
func (h *handler) unsubscribe(w http.ResponseWriter, r *http.Request, uid int64, ids []int64) { // want unsubscribe:"writes"
	for _, id := range ids {
		if err := h.store.RemoveFeed(uid, id); err != nil { // want `2 writes on one path run outside a transaction \(RemoveFeed here, RemoveFeed again in a loop\)`
			return
		}
	}
}

// Marking an entry read and then reading its neighbours in a read-only
// transaction is one write.
func (h *handler) showEntry(w http.ResponseWriter, r *http.Request, uid, id int64) { // want showEntry:"writes"
	if err := h.store.SetEntryStatus(uid, id, "read"); err != nil {
		return
	}
	prev, next, err := h.store.Neighbours(uid, id, "published_at")
	if err != nil {
		return
	}
	_, _ = prev, next
}

// Middleware constructors return handlers that write when a request comes;
// building them writes nothing.
func sessionMiddleware(store *Store) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			uid, _ := strconv.ParseInt(r.Header.Get("X-User"), 10, 64)
			_ = store.Touch(uid)
			next.ServeHTTP(w, r)
		})
	}
}

func routes(store *Store) http.Handler {
	h := &handler{store: store}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /password", h.changePassword)
	// A handler literal is judged as a function of its own.
	mux.HandleFunc("POST /touch", func(w http.ResponseWriter, r *http.Request) {
		if err := store.Touch(1); err != nil { // want `2 writes on one path run outside a transaction \(Touch here, Touch at line 66\)`
			return
		}
		if err := store.Touch(2); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	})
	withSession := sessionMiddleware(store)
	return withSession(sessionMiddleware(store)(mux))
}
