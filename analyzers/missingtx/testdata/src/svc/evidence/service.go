package evidence

import "context"

type Order struct {
	ID    int64
	Items []string
}

// OrderRepo's methods write; their facts reach the service.
type OrderRepo struct{ s *Store }

func (r *OrderRepo) Insert(ctx context.Context, o *Order) error { // want Insert:"writes"
	_, err := r.s.db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", o.ID)
	return err
}

func (r *OrderRepo) InsertItems(ctx context.Context, id int64, items []string) error { // want InsertItems:"writes"
	_, err := r.s.db.ExecContext(ctx, "INSERT INTO items (order_id, sku) SELECT $1, unnest($2::text[])", id, items)
	return err
}

func (r *OrderRepo) Audit(ctx context.Context, what string) error { // want Audit:"writes"
	_, err := r.s.db.ExecContext(ctx, "INSERT INTO audit (what) VALUES ($1)", what)
	return err
}

// The parent and its children share the order's key.
func PlaceOrder(ctx context.Context, r *OrderRepo, o *Order) error { // want PlaceOrder:"writes"
	if err := r.Insert(ctx, o); err != nil { // want `2 writes .*Insert here, InsertItems at line 33.*o.ID flows into the insert at line 30 and the insert at line 33`
		return err
	}
	return r.InsertItems(ctx, o.ID, o.Items)
}

// An audit row beside the write shares nothing with it.
func Rename(ctx context.Context, r *OrderRepo, o *Order) error { // want Rename:"writes"
	if err := r.Insert(ctx, o); err != nil {
		return err
	}
	return r.Audit(ctx, "renamed")
}
