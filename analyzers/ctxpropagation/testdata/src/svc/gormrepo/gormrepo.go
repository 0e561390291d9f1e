// Package gormrepo is a GORM repository.
package gormrepo

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

type Order struct {
	ID     uint
	Status string
}

type Repo struct {
	db *gorm.DB
}

var global *gorm.DB

func (r *Repo) Find(ctx context.Context, id uint) (*Order, error) {
	var o Order
	err := r.db.Where("id = ?", id).First(&o).Error // want `gorm First runs without ctx, which is in scope: the handle has no WithContext, so a cancelled or timed-out caller does not stop the query; use \.WithContext\(ctx\) on the handle`
	return &o, err
}

func (r *Repo) FindOK(ctx context.Context, id uint) (*Order, error) {
	var o Order
	err := r.db.WithContext(ctx).Where("id = ?", id).First(&o).Error
	return &o, err
}

func (r *Repo) ListThroughLocals(ctx context.Context, status string) ([]Order, error) {
	q := r.db.Model(&Order{})
	if status != "" {
		q = q.Where("status = ?", status)
	}
	var out []Order
	err := q.Find(&out).Error // want `gorm Find runs without ctx`
	return out, err
}

func (r *Repo) ListThroughLocalsOK(ctx context.Context, status string) ([]Order, error) {
	q := r.db.WithContext(ctx).Model(&Order{})
	if status != "" {
		q = q.Where("status = ?", status)
	}
	var out []Order
	err := q.Find(&out).Error
	return out, err
}

func (r *Repo) Global(ctx context.Context) (int64, error) {
	var n int64
	err := global.Model(&Order{}).Count(&n).Error // want `gorm Count runs without ctx`
	return n, err
}

func (r *Repo) Session(ctx context.Context) error {
	return r.db.Session(&gorm.Session{Context: ctx}).Create(&Order{}).Error
}

// The transaction is judged where it starts; its tx carries its context.
func (r *Repo) Cancel(ctx context.Context, id uint) error {
	return r.db.Transaction(func(tx *gorm.DB) error { // want `gorm Transaction runs without ctx`
		return tx.Model(&Order{}).Where("id = ?", id).Update("status", "cancelled").Error
	})
}

func (r *Repo) CancelOK(ctx context.Context, id uint) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&Order{}).Where("id = ?", id).Update("status", "cancelled").Error; err != nil {
			return err
		}
		return tx.Create(&Order{Status: "audit"}).Error
	})
}

func (r *Repo) Manual(ctx context.Context) error {
	tx := r.db.Begin() // want `gorm Begin runs without ctx`
	if err := tx.Create(&Order{}).Error; err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit().Error
}

func (r *Repo) ManualOK(ctx context.Context) error {
	tx := r.db.WithContext(ctx).Begin()
	if err := tx.Create(&Order{}).Error; err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit().Error
}

// A handle that arrives as a parameter is assumed to carry a context.
func SaveWith(ctx context.Context, db *gorm.DB, o *Order) error {
	return db.Save(o).Error
}

// A handle passed to another function is opaque.
func (r *Repo) Scoped(ctx context.Context) error {
	q := r.db.Model(&Order{})
	q = scope(q)
	return q.Delete(&Order{}).Error
}

func scope(db *gorm.DB) *gorm.DB { return db.Where("status = ?", "new") }

// No context available: not reported.
func (r *Repo) Migrate() error {
	if err := r.db.Exec("CREATE EXTENSION IF NOT EXISTS pgcrypto").Error; err != nil {
		return err
	}
	var n int64
	if err := r.db.Model(&Order{}).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return errors.New("empty")
	}
	return nil
}

// Three statements on the receiver's handle are one fix (r.db :=
// r.db.WithContext(ctx) at the top): one finding, at the first.
func (r *Repo) Archive(ctx context.Context, id uint) error {
	if err := r.db.Model(&Order{}).Where("id = ?", id).Update("status", "archived").Error; err != nil { // want `gorm Update runs without ctx, which is in scope: the handle has no WithContext, so a cancelled or timed-out caller does not stop the query, and 2 more GORM calls in this function; use \.WithContext\(ctx\) on the handle`
		return err
	}
	var n int64
	r.db.Model(&Order{}).Where("status = ?", "archived").Count(&n) // gorm call
	return global.Create(&Order{Status: "audit"}).Error            // gorm call
}

// A function literal with a context of its own is a function of its own.
func (r *Repo) Handlers() []func(context.Context) error {
	return []func(context.Context) error{
		func(ctx context.Context) error { return r.db.Delete(&Order{}).Error }, // want `gorm Delete runs without ctx, which is in scope: the handle has no WithContext, so a cancelled or timed-out caller does not stop the query; use`
		func(ctx context.Context) error { return r.db.Save(&Order{}).Error },   // want `gorm Save runs without ctx`
	}
}
