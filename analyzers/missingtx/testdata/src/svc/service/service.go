// Package service calls the repository of another package: the facts of
// its helpers tell which calls write.
package service

import (
	"context"
	"database/sql"
	"errors"

	"example.com/svc/sqlrepo"
)

type Cache interface{ Delete(key string) }

type OrderService struct {
	repo  *sqlrepo.Repo
	cache Cache
}

// The common shape: two repository writes in a service method.
func (s *OrderService) PlaceOrder(ctx context.Context, o sqlrepo.Order) error { // want PlaceOrder:"writes"
	if err := s.repo.CreateOrder(ctx, o); err != nil { // want `2 writes on one path run outside a transaction \(CreateOrder here, CreateItems at line 25\)`
		return err
	}
	return s.repo.CreateItems(ctx, o.ID, o.Items)
}

// One write followed by a cache invalidation.
func (s *OrderService) Rename(ctx context.Context, o sqlrepo.Order) error { // want Rename:"writes"
	if err := s.repo.CreateOrder(ctx, o); err != nil {
		return err
	}
	s.cache.Delete("order")
	return nil
}

// A read and a write.
func (s *OrderService) Reorder(ctx context.Context, id int64) error { // want Reorder:"writes"
	o, err := s.repo.GetOrder(ctx, id)
	if err != nil {
		return err
	}
	return s.repo.CreateOrder(ctx, o)
}

// An atomic helper and another write on the same path still add up.
func (s *OrderService) PayAndOrder(ctx context.Context, o sqlrepo.Order) error { // want PayAndOrder:"writes"
	if err := s.repo.Transfer(ctx, 1, 2, 10); err != nil { // want `2 writes .*Transfer here, CreateOrder at line 51`
		return err
	}
	return s.repo.CreateOrder(ctx, o)
}

// A compensation on the error path of a failed helper write.
func (s *OrderService) TryOrder(ctx context.Context, o sqlrepo.Order) error { // want TryOrder:"writes"
	if err := s.repo.CreateOrder(ctx, o); err != nil {
		_ = s.repo.CreateItems(ctx, o.ID, nil)
		return err
	}
	return nil
}

// Writes in the callback of the repository's transaction helper.
func (s *OrderService) PlaceInTx(ctx context.Context, o sqlrepo.Order) error { // want PlaceInTx:"atomic"
	return s.repo.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", o.ID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO items (order_id) VALUES ($1)", o.ID)
		return err
	})
}

// Transitive: a service helper calls a repository helper; the handler
// calls the service twice.
type Handler struct{ svc *OrderService }

func (h *Handler) Import(ctx context.Context, orders []sqlrepo.Order) error { // want Import:"writes"
	for _, o := range orders {
		if err := h.svc.Rename(ctx, o); err != nil { // want `2 writes .*Rename here, Rename again in a loop`
			return err
		}
	}
	return nil
}

// Either one write or the other.
func (h *Handler) Either(ctx context.Context, o sqlrepo.Order, items bool) error { // want Either:"writes"
	if items {
		return h.svc.repo.CreateItems(ctx, o.ID, o.Items)
	}
	if o.ID == 0 {
		return errors.New("no id")
	}
	return h.svc.repo.CreateOrder(ctx, o)
}
