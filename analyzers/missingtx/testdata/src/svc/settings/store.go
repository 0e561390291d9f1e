package settings

import "context"

// Store is an in-house data layer configured with -write-methods.
type Store struct{ conn any }

func (s *Store) Put(ctx context.Context, key, value string) error    { return nil }
func (s *Store) Get(ctx context.Context, key string) (string, error) { return "", nil }

func Save(ctx context.Context, s *Store) error { // want Save:"writes"
	if err := s.Put(ctx, "a", "1"); err != nil { // want `2 writes .*Store.Put here, Store.Put at line 15`
		return err
	}
	return s.Put(ctx, "b", "2")
}

func One(ctx context.Context, s *Store) error { // want One:"writes"
	if _, err := s.Get(ctx, "a"); err != nil {
		return err
	}
	return s.Put(ctx, "b", "2")
}

// With -min-writes=3, a loop (two) and one more write is three.
func Three(ctx context.Context, s *Store, keys []string) error { // want Three:"writes"
	for _, k := range keys {
		if err := s.Put(ctx, k, "1"); err != nil { // want `3 writes`
			return err
		}
	}
	return s.Put(ctx, "done", "1")
}
