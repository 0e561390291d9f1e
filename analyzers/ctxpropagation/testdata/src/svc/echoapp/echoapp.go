// Package echoapp is an echo service.
package echoapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/labstack/echo/v4"
)

type Handler struct {
	db *sql.DB
}

func (h *Handler) Register(e *echo.Echo) {
	e.GET("/items", h.List)
	e.DELETE("/items/:id", func(c echo.Context) error {
		_, err := h.db.Exec("DELETE FROM items WHERE id = $1", c.Param("id")) // want `sql\.DB\.Exec ignores c\.Request\(\)\.Context\(\).*ExecContext\(c\.Request\(\)\.Context\(\), \.\.\.\)`
		return err
	})
}

func (h *Handler) List(c echo.Context) error {
	ctx, cancel := context.WithTimeout(context.TODO(), 0) // want `context\.TODO\(\) ignores c\.Request\(\)\.Context\(\), which is in scope`
	defer cancel()
	rows, err := h.db.QueryContext(ctx, "SELECT id FROM items")
	if err != nil {
		return err
	}
	defer rows.Close()
	return c.NoContent(http.StatusOK)
}

func (h *Handler) ListOK(c echo.Context) error {
	rows, err := h.db.QueryContext(c.Request().Context(), "SELECT id FROM items")
	if err != nil {
		return err
	}
	defer rows.Close()
	return c.NoContent(http.StatusOK)
}
