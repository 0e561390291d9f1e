// Package gormrepo is a GORM repository.
package gormrepo

import (
	"context"
	"time"

	"gorm.io/gorm"
)

type Invoice struct {
	ID         uint
	CustomerID uint
	Status     string
	Amount     int64
	CreatedAt  time.Time
}

type Currency struct {
	Code string
	Name string
}

type Repo struct{ db *gorm.DB }

func (r *Repo) ByCustomer(ctx context.Context, customer uint) ([]Invoice, error) {
	var out []Invoice
	err := r.db.WithContext(ctx).Where("customer_id = ?", customer).Order("created_at DESC").Find(&out).Error // want `Find loads every matching row \(no Limit in the chain\): the result grows with the table until it spikes memory, times out or saturates the database; paginate with a keyset`
	return out, err
}

func (r *Repo) Page(ctx context.Context, after uint, n int) ([]Invoice, error) {
	var out []Invoice
	err := r.db.WithContext(ctx).Where("id > ?", after).Order("id").Limit(n).Find(&out).Error
	return out, err
}

func (r *Repo) All() (out []*Invoice, err error) {
	err = r.db.Find(&out).Error // want `Find loads every matching row`
	return
}

func (r *Repo) Get(id uint) (Invoice, error) {
	var inv Invoice
	err := r.db.First(&inv, id).Error
	return inv, err
}

func (r *Repo) One(id uint) (Invoice, error) {
	var inv Invoice
	err := r.db.Where("status = ?", "open").Find(&inv).Error // into a struct: one row
	return inv, err
}

func (r *Repo) ByID(id uint) ([]Invoice, error) {
	var out []Invoice
	err := r.db.Where("id = ?", id).Find(&out).Error
	return out, err
}

func (r *Repo) ByIDs(ids []uint) ([]Invoice, error) {
	var out []Invoice
	if err := r.db.Where("id IN ?", ids).Find(&out).Error; err != nil {
		return nil, err
	}
	if err := r.db.Find(&out, ids).Error; err != nil { // primary keys
		return nil, err
	}
	err := r.db.Find(&out, "customer_id = ?", 3).Error // want `Find loads every matching row`
	return out, err
}

func (r *Repo) ByStruct(id uint) ([]Invoice, error) {
	var out []Invoice
	if err := r.db.Where(&Invoice{ID: id}).Find(&out).Error; err != nil {
		return nil, err
	}
	err := r.db.Where(&Invoice{Status: "open"}).Find(&out).Error // want `Find loads every matching row`
	return out, err
}

func (r *Repo) Either(id uint) ([]Invoice, error) {
	var out []Invoice
	err := r.db.Where("id = ?", id).Or("status = ?", "open").Find(&out).Error // want `Find loads every matching row`
	return out, err
}

// Paginate is the usual pagination scope.
func Paginate(page, size int) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Offset((page - 1) * size).Limit(size) }
}

func (r *Repo) Scoped(page int) ([]Invoice, error) {
	var out []Invoice
	err := r.db.Scopes(Paginate(page, 50)).Find(&out).Error
	return out, err
}

// A query held in a variable is bounded if any assignment adds a limit.
func (r *Repo) Filter(status string, limit int) ([]Invoice, error) {
	q := r.db.Model(&Invoice{}).Where("status = ?", status)
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []Invoice
	err := q.Find(&out).Error
	return out, err
}

func (r *Repo) FilterAll(status string, newest bool) ([]Invoice, error) {
	q := r.db.Model(&Invoice{}).Where("status = ?", status)
	if newest {
		q = q.Order("created_at DESC")
	}
	var out []Invoice
	err := q.Find(&out).Error // want `Find loads every matching row`
	return out, err
}

// A helper may paginate: not judged.
func (r *Repo) Helped(page int) ([]Invoice, error) {
	var out []Invoice
	q := r.db.Model(&Invoice{})
	q = applyPaging(q, page)
	err := q.Find(&out).Error
	return out, err
}

func applyPaging(q *gorm.DB, page int) *gorm.DB { return q.Offset(page * 20).Limit(20) }

func (r *Repo) Batches() error {
	var batch []Invoice
	return r.db.FindInBatches(&batch, 500, func(tx *gorm.DB, n int) error { return nil }).Error
}

func (r *Repo) Currencies() ([]Currency, error) {
	var out []Currency
	err := r.db.Find(&out).Error // want `Find loads every matching row`
	return out, err
}

func (r *Repo) Raw(customer uint) ([]Invoice, error) {
	var out []Invoice
	if err := r.db.Raw("SELECT * FROM invoices WHERE customer_id = ?", customer).Scan(&out).Error; err != nil { // want `query returns every matching row`
		return nil, err
	}
	err := r.db.Raw("SELECT * FROM invoices WHERE customer_id = ? LIMIT 100", customer).Scan(&out).Error
	return out, err
}

func (r *Repo) Count(status string) (int64, error) {
	var n int64
	err := r.db.Model(&Invoice{}).Where("status = ?", status).Count(&n).Error
	return n, err
}

func (r *Repo) Unlimited() ([]Invoice, error) {
	var out []Invoice
	err := r.db.Limit(-1).Find(&out).Error // want `Find loads every matching row`
	return out, err
}
