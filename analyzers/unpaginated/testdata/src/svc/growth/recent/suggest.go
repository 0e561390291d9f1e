package recent

import (
	"encoding/json"
	"net/http"

	"gorm.io/gorm"
)

var conn *gorm.DB

// Two Raw queries on the same handle, one after the other: each Scan runs
// its own chain's text. The second one is bounded by its LIMIT, whatever
// the first one says.
func Suggest(w http.ResponseWriter, r *http.Request) {
	db := conn
	name := r.URL.Query().Get("domain")
	var id uint64
	db.Raw("SELECT id FROM domains WHERE domain = ?", name).Scan(&id)
	var suggestions []string
	db.Raw("SELECT domain FROM domains WHERE similarity(domain, ?) > 0.5 ORDER BY hits DESC LIMIT 5", name).Scan(&suggestions)
	var all []string
	db.Raw("SELECT domain FROM domains WHERE domain LIKE ?", "%"+name+"%").Scan(&all) // want `reads the whole domains table on a request path`
	_ = json.NewEncoder(w).Encode(append(suggestions, all...))
}
