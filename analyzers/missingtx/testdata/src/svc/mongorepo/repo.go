package mongorepo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type Repo struct {
	client *mongo.Client
	orders *mongo.Collection
	events *mongo.Collection
}

func (r *Repo) Place(ctx context.Context, o bson.M) error { // want Place:"writes"
	if _, err := r.orders.InsertOne(ctx, o); err != nil { // want `2 writes .*\*mongo.Collection.InsertOne here, \*mongo.Collection.UpdateOne at line 21.*session.WithTransaction`
		return err
	}
	_, err := r.events.UpdateOne(ctx, bson.M{"_id": "counter"}, bson.M{"$inc": bson.M{"n": 1}})
	return err
}

func (r *Repo) PlaceTx(ctx context.Context, o bson.M) error { // want PlaceTx:"atomic"
	sess, err := r.client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(ctx context.Context) (any, error) {
		if _, err := r.orders.InsertOne(ctx, o); err != nil {
			return nil, err
		}
		return r.events.UpdateOne(ctx, bson.M{"_id": "counter"}, bson.M{"$inc": bson.M{"n": 1}})
	})
	return err
}

// A manual session transaction with a session context.
func (r *Repo) PlaceManual(ctx context.Context, o bson.M) error { // want PlaceManual:"atomic"
	sess, err := r.client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	sctx := mongo.NewSessionContext(ctx, sess)
	if _, err := r.orders.InsertOne(sctx, o); err != nil {
		_ = sess.AbortTransaction(sctx)
		return err
	}
	if _, err := r.events.InsertOne(sctx, o); err != nil {
		_ = sess.AbortTransaction(sctx)
		return err
	}
	return sess.CommitTransaction(sctx)
}

// An upsert is one write; reads do not count.
func (r *Repo) Touch(ctx context.Context, id string) error { // want Touch:"writes"
	var doc bson.M
	if err := r.orders.FindOne(ctx, bson.M{"_id": id}).Decode(&doc); err != nil {
		return err
	}
	_, err := r.orders.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"seen": true}}, options.UpdateOne().SetUpsert(true))
	return err
}

// InsertMany is one call.
func (r *Repo) Import(ctx context.Context, docs []bson.M) error { // want Import:"writes"
	_, err := r.orders.InsertMany(ctx, docs)
	return err
}
