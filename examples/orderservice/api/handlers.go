// Package api serves the order HTTP API.
package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"example.com/orderservice/payments"
	"example.com/orderservice/store"
)

// Handler serves the order API.
type Handler struct {
	store    *store.Store
	payments *payments.Client
}

// New returns the API handler.
func New(s *store.Store, p *payments.Client) *Handler { return &Handler{store: s, payments: p} }

// Routes returns the API's routes.
func (h *Handler) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /products/{sku}/sales", h.sales)
	mux.HandleFunc("POST /orders/{id}/pay", h.pay)
	return mux
}

func (h *Handler) sales(w http.ResponseWriter, r *http.Request) {
	lines, err := h.store.Sales(r.Context(), r.PathValue("sku"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(lines)
}

func (h *Handler) pay(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	// Bug(ctxpropagation): context.Background() drops the request's cancellation; when the
	// client gives up, the charge (and its retries) keep going.
	o, err := h.store.Order(context.Background(), id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	if err := h.payments.Charge(r.Context(), strconv.FormatInt(o.CustomerID, 10), o.Total); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
