package mongov1repo

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type Repo struct {
	client *mongo.Client
	users  *mongo.Collection
}

func (r *Repo) Replace(ctx context.Context, id string, doc bson.M) error { // want Replace:"writes"
	if _, err := r.users.DeleteOne(ctx, bson.M{"_id": id}); err != nil { // want `2 writes`
		return err
	}
	_, err := r.users.InsertOne(ctx, doc)
	return err
}

func (r *Repo) ReplaceTx(ctx context.Context, id string, doc bson.M) error { // want ReplaceTx:"atomic"
	return r.client.UseSession(ctx, func(sc mongo.SessionContext) error {
		if err := sc.StartTransaction(); err != nil {
			return err
		}
		if _, err := r.users.DeleteOne(sc, bson.M{"_id": id}); err != nil {
			return err
		}
		if _, err := r.users.InsertOne(sc, doc); err != nil {
			return err
		}
		return sc.CommitTransaction(sc)
	})
}

func (r *Repo) ReplaceWith(ctx context.Context, id string, doc bson.M) error { // want ReplaceWith:"atomic"
	sess, err := r.client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		if _, err := r.users.DeleteOne(sc, bson.M{"_id": id}); err != nil {
			return nil, err
		}
		return r.users.InsertOne(sc, doc)
	})
	return err
}
