package fix

import (
	"context"
	"database/sql"
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Repo struct {
	db   *sql.DB
	gorm *gorm.DB
}

func (r *Repo) Get(ctx context.Context, id int64) error {
	_, err := r.db.ExecContext(context.Background(), "SELECT $1", id) // want `context\.Background\(\) ignores ctx`
	return err
}

func (r *Repo) List(ctx context.Context) error {
	rows, err := r.db.Query("SELECT 1") // want `sql\.DB\.Query ignores ctx`
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := r.db.Ping(); err != nil { // want `sql\.DB\.Ping ignores ctx`
		return err
	}
	tx, err := r.db.Begin() // want `sql\.DB\.Begin ignores ctx`
	if err != nil {
		return err
	}
	return tx.Commit()
}

func (r *Repo) Fetch(w http.ResponseWriter, req *http.Request) {
	out, _ := http.NewRequest(http.MethodGet, "http://example.com", nil) // want `http\.NewRequest ignores req\.Context\(\)`
	_ = out
	_ = exec.Command("true").Run() // want `exec\.Command ignores req\.Context\(\)`
}

func (r *Repo) Background(ctx context.Context) {
	go func() {
		_, _ = r.db.ExecContext(context.Background(), "SELECT 1") // want `context\.Background\(\) in a goroutine`
	}()
	go func() {
		_, _ = r.db.Exec("SELECT 2") // want `sql\.DB\.Exec drops ctx, which is in scope where this goroutine starts`
	}()
}

func (r *Repo) Orders(ctx context.Context) error {
	var n int64
	return r.gorm.Table("orders").Count(&n).Error // want `gorm Count runs without ctx`
}

func (r *Repo) Gin(c *gin.Context) {
	_ = r.db.Ping() // want `sql\.DB\.Ping ignores c\.Request\.Context\(\)`
}

// Shadowed: the fix cannot name the parameter here.
func (r *Repo) Shadowed(ctx context.Context) {
	func() {
		ctx := 1
		_ = ctx
		_ = r.db.Ping() // want `sql\.DB\.Ping ignores ctx`
	}()
}
