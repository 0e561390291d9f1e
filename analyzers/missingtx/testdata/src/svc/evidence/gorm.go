package evidence

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

type User struct {
	ID    uint
	Email string
}

type Profile struct {
	ID     uint
	UserID uint
}

type Session struct {
	UserID uint
	Token  string
}

type Repo struct {
	db *gorm.DB
}

// The model's ID, filled in by Create, goes into the child row.
func (r *Repo) SignUp(ctx context.Context, email string) error { // want SignUp:"writes"
	u := User{Email: email}
	if err := r.db.WithContext(ctx).Create(&u).Error; err != nil { // want `2 writes .*; the insert at line 35 uses u.ID, produced by the insert at line 32`
		return err
	}
	return r.db.WithContext(ctx).Create(&Profile{UserID: u.ID}).Error
}

// Find-or-create, then a session token: quiet.
func (r *Repo) LoginOrCreate(ctx context.Context, email, token string) error { // want LoginOrCreate:"writes"
	var u User
	err := r.db.WithContext(ctx).Where("email = ?", email).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		u = User{Email: email}
		err = r.db.WithContext(ctx).Create(&u).Error
	}
	if err != nil {
		return err
	}
	return r.db.WithContext(ctx).Create(&Session{UserID: u.ID, Token: token}).Error
}

// A chain's key: the user's rows deleted by id.
func (r *Repo) Purge(ctx context.Context, uid uint) error { // want Purge:"writes"
	if err := r.db.Where("user_id = ?", uid).Delete(&Session{}).Error; err != nil { // want `the deletes at lines 54 and 57 cascade over uid`
		return err
	}
	return r.db.Delete(&User{}, uid).Error
}

// Two separate transactions, one after the other: each is its own unit.
func (r *Repo) TwoTransactions(ctx context.Context, u *User) error { // want TwoTransactions:"atomic"
	if err := r.db.Transaction(func(tx *gorm.DB) error { return tx.Save(u).Error }); err != nil {
		return err
	}
	return r.db.Transaction(func(tx *gorm.DB) error { return tx.Create(&Profile{UserID: u.ID}).Error })
}
