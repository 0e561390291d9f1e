package gormrepo

import v1 "github.com/jinzhu/gorm"

// GORM v1 (github.com/jinzhu/gorm) has the same API.
type LegacyRepo struct{ db *v1.DB }

func (r *LegacyRepo) ByCustomer(customer uint) ([]Invoice, error) {
	var out []Invoice
	err := r.db.Where("customer_id = ?", customer).Order("id desc").Find(&out).Error // want `Find loads every matching row`
	return out, err
}

func (r *LegacyRepo) Page(customer uint, limit int, before uint) ([]Invoice, error) {
	var out []Invoice
	db := r.db.Where("customer_id = ?", customer).Order("id desc").Limit(limit)
	if before != 0 {
		db = db.Where("id < ?", before)
	}
	err := db.Find(&out).Error
	return out, err
}
