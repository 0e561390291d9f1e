// Package ginapp is a gin service.
package ginapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/svc/store"
)

type Handler struct {
	db    *sql.DB
	users *store.Store
}

func (h *Handler) Routes(r *gin.Engine) {
	r.GET("/users/:id", h.GetUser)
	r.POST("/users", func(c *gin.Context) {
		_, err := h.db.ExecContext(context.Background(), "INSERT INTO users DEFAULT VALUES") // want `context\.Background\(\) ignores c\.Request\.Context\(\), which is in scope.*pass c\.Request\.Context\(\)`
		if err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
		}
	})
}

func (h *Handler) GetUser(c *gin.Context) {
	row := h.db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")) // want `sql\.DB\.QueryRow ignores c\.Request\.Context\(\).*QueryRowContext\(c\.Request\.Context\(\), \.\.\.\)`
	var name string
	if err := row.Scan(&name); err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	u, _ := h.users.LoadUser(1) // want `store\.Store\.LoadUser does its I/O without a context`
	c.JSON(http.StatusOK, gin.H{"name": name, "user": u})
}

func (h *Handler) GetUserOK(c *gin.Context) {
	u, err := h.users.UserByID(c.Request.Context(), 1)
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, u)
}
