// Package entrepo uses an ent client.
package entrepo

import (
	"context"

	"example.com/svc/ent"
	"example.com/svc/ent/pet"
	"example.com/svc/ent/user"
)

type Service struct{ client *ent.Client }

func (s *Service) OrgUsers(ctx context.Context, org int) ([]*ent.User, error) {
	return s.client.User.Query().Where(user.OrgID(org)).All(ctx) // want `All loads every matching row \(no Limit on the query\): the result grows with the table until it spikes memory, times out or saturates the database; paginate with a keyset`
}

func (s *Service) OrgUsersPage(ctx context.Context, org, after, n int) ([]*ent.User, error) {
	return s.client.User.Query().
		Where(user.OrgID(org), user.IDGT(after)).
		Order(user.ByID()).
		Limit(n).
		All(ctx)
}

func (s *Service) Everyone(ctx context.Context) []*ent.User {
	return s.client.User.Query().AllX(ctx) // want `All loads every matching row`
}

func (s *Service) ByID(ctx context.Context, id int) ([]*ent.User, error) {
	return s.client.User.Query().Where(user.ID(id)).All(ctx)
}

func (s *Service) ByIDs(ctx context.Context, ids []int) ([]*ent.User, error) {
	return s.client.User.Query().Where(user.IDIn(ids...)).All(ctx)
}

func (s *Service) First(ctx context.Context, org int) (*ent.User, error) {
	return s.client.User.Query().Where(user.OrgID(org)).First(ctx)
}

func (s *Service) Pets(ctx context.Context, u *ent.User) ([]*ent.Pet, error) {
	return u.QueryPets().Where(pet.Name("rex")).All(ctx) // want `All loads every matching row`
}

// A builder held in a variable is bounded if any assignment adds a limit.
func (s *Service) Search(ctx context.Context, org, limit int) ([]*ent.User, error) {
	q := s.client.User.Query().Where(user.OrgID(org))
	if limit > 0 {
		q.Limit(limit)
	}
	return q.All(ctx)
}

func (s *Service) SearchAll(ctx context.Context, org int, email string) ([]*ent.User, error) {
	q := s.client.User.Query().Where(user.OrgID(org))
	if email != "" {
		q = q.Where(user.EmailEQ(email))
	}
	return q.All(ctx) // want `All loads every matching row`
}

// A helper builds the query: it may paginate.
func (s *Service) Helped(ctx context.Context, p page) ([]*ent.User, error) {
	return p.apply(s.client.User.Query()).All(ctx)
}

type page struct{ size int }

func (p page) apply(q *ent.UserQuery) *ent.UserQuery { return q.Limit(p.size) }

// A type that merely has an All method is not an ent builder.
type cache struct{}

func (cache) All(ctx context.Context) []string { return nil }

func (s *Service) Cached(ctx context.Context, c cache) []string { return c.All(ctx) }

// token is a Unique() field of the ent schema (ent/migrate marks it): an
// IN over the caller's tokens reads at most one row per token.
func (s *Service) ByTokens(ctx context.Context, tokens []string) ([]*ent.User, error) {
	return s.client.User.Query().Where(user.TokenIn(tokens...)).All(ctx)
}

// name is not unique: an IN over names may match any number of rows.
func (s *Service) ByNames(ctx context.Context, names []string) ([]*ent.User, error) {
	return s.client.User.Query().Where(user.NameIn(names...)).All(ctx) // want `All loads every matching row`
}
