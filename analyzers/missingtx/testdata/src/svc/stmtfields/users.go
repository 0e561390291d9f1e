package stmtfields

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// UserStore prepares its statements with sqlx.
type UserStore struct {
	db            *sqlx.DB
	insertUser    *sqlx.Stmt
	insertProfile *sqlx.NamedStmt
	countUsers    *sqlx.Stmt
}

type Profile struct {
	UserID int64  `db:"user_id"`
	Bio    string `db:"bio"`
}

func NewUserStore(db *sqlx.DB) (*UserStore, error) {
	insertUser, err := db.Preparex(`INSERT INTO users (email) VALUES ($1) RETURNING id`)
	if err != nil {
		return nil, err
	}
	insertProfile, err := db.PrepareNamed(`INSERT INTO profiles (user_id, bio) VALUES (:user_id, :bio)`)
	if err != nil {
		return nil, err
	}
	count, err := db.Preparex(`SELECT count(*) FROM users`)
	if err != nil {
		return nil, err
	}
	return &UserStore{db: db, insertUser: insertUser, insertProfile: insertProfile, countUsers: count}, nil
}

// Get runs INSERT ... RETURNING: a write whose id the profile takes.
func (s *UserStore) SignUp(ctx context.Context, email, bio string) (int64, error) { // want SignUp:"writes"
	var id int64
	if err := s.insertUser.GetContext(ctx, &id, email); err != nil { // want `insertUser.GetContext \(insert into users\) here, insertProfile.ExecContext \(insert into profiles\).*uses id, produced by the insert`
		return 0, err
	}
	if _, err := s.insertProfile.ExecContext(ctx, Profile{UserID: id, Bio: bio}); err != nil {
		return 0, err
	}
	return id, nil
}

// The same in a transaction, through sqlx's Stmtx and NamedStmtContext.
func (s *UserStore) SignUpTx(ctx context.Context, email, bio string) (int64, error) { // want SignUpTx:"atomic"
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var id int64
	if err := tx.Stmtx(s.insertUser).GetContext(ctx, &id, email); err != nil {
		return 0, err
	}
	if _, err := tx.NamedStmtContext(ctx, s.insertProfile).ExecContext(ctx, Profile{UserID: id, Bio: bio}); err != nil {
		return 0, err
	}
	return id, tx.Commit()
}

// A count is a read: one write on the path.
func (s *UserStore) SignUpCounted(ctx context.Context, email string) (int, error) { // want SignUpCounted:"writes"
	var n int
	if err := s.countUsers.GetContext(ctx, &n); err != nil {
		return 0, err
	}
	var id int64
	return n, s.insertUser.GetContext(ctx, &id, email)
}
