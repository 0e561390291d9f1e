// Package mongorepo uses the MongoDB driver v2.
package mongorepo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type Session struct {
	ID     bson.ObjectID `bson:"_id"`
	UserID string        `bson:"user_id"`
}

type Store struct {
	sessions *mongo.Collection
	listOpts *options.FindOptionsBuilder
}

func (s *Store) ByUser(ctx context.Context, user string) ([]Session, error) {
	cur, err := s.sessions.Find(ctx, bson.M{"user_id": user}) // want `Find returns every matching document \(no SetLimit in its options\): the result grows with the table until it spikes memory, times out or saturates the database; paginate with a keyset filter on _id`
	if err != nil {
		return nil, err
	}
	var out []Session
	return out, cur.All(ctx, &out)
}

func (s *Store) Sorted(ctx context.Context, user string) (*mongo.Cursor, error) {
	return s.sessions.Find(ctx, bson.D{{Key: "user_id", Value: user}}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}})) // want `Find returns every matching document`
}

func (s *Store) Page(ctx context.Context, user string, after bson.ObjectID) (*mongo.Cursor, error) {
	filter := bson.M{"user_id": user, "_id": bson.M{"$gt": after}}
	return s.sessions.Find(ctx, filter, options.Find().SetSort(bson.M{"_id": 1}).SetLimit(100))
}

func (s *Store) ByIDs(ctx context.Context, ids []bson.ObjectID) (*mongo.Cursor, error) {
	return s.sessions.Find(ctx, bson.M{"_id": bson.M{"$in": ids}})
}

func (s *Store) One(ctx context.Context, id bson.ObjectID) *mongo.SingleResult {
	return s.sessions.FindOne(ctx, bson.M{"user_id": id})
}

// Options in a local variable: bounded if the function sets a limit.
func (s *Store) Recent(ctx context.Context, user string, limit int64) (*mongo.Cursor, error) {
	opts := options.Find().SetSort(bson.M{"_id": -1})
	if limit > 0 {
		opts.SetLimit(limit)
	}
	return s.sessions.Find(ctx, bson.M{"user_id": user}, opts)
}

func (s *Store) RecentAll(ctx context.Context, user string) (*mongo.Cursor, error) {
	opts := options.Find().SetSort(bson.M{"_id": -1})
	opts.SetProjection(bson.M{"user_id": 1})
	return s.sessions.Find(ctx, bson.M{"user_id": user}, opts) // want `Find returns every matching document`
}

// Options built elsewhere are not judged.
func (s *Store) Configured(ctx context.Context, user string) (*mongo.Cursor, error) {
	return s.sessions.Find(ctx, bson.M{"user_id": user}, s.listOpts)
}

func (s *Store) Passed(ctx context.Context, opts ...options.Lister[options.FindOptions]) (*mongo.Cursor, error) {
	return s.sessions.Find(ctx, bson.M{}, opts...)
}

func (s *Store) ZeroLimit(ctx context.Context) (*mongo.Cursor, error) {
	return s.sessions.Find(ctx, bson.M{}, options.Find().SetLimit(0)) // want `Find returns every matching document`
}
