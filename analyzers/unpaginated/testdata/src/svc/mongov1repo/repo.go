// Package mongov1repo uses the MongoDB driver v1.
package mongov1repo

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type Store struct{ events *mongo.Collection }

func (s *Store) All(ctx context.Context) (*mongo.Cursor, error) {
	return s.events.Find(ctx, bson.D{}) // want `Find returns every matching document`
}

func (s *Store) Typed(ctx context.Context, kind string) (*mongo.Cursor, error) {
	return s.events.Find(ctx, bson.M{"kind": kind}, options.Find().SetBatchSize(100)) // want `Find returns every matching document`
}

func (s *Store) Limited(ctx context.Context, kind string) (*mongo.Cursor, error) {
	return s.events.Find(ctx, bson.M{"kind": kind}, options.Find().SetLimit(50))
}

func (s *Store) Literal(ctx context.Context) (*mongo.Cursor, error) {
	n := int64(10)
	if _, err := s.events.Find(ctx, bson.M{}, &options.FindOptions{Limit: &n}); err != nil {
		return nil, err
	}
	return s.events.Find(ctx, bson.M{}, &options.FindOptions{}) // want `Find returns every matching document`
}

func (s *Store) ByID(ctx context.Context, id string) (*mongo.Cursor, error) {
	return s.events.Find(ctx, bson.D{{"_id", id}})
}
