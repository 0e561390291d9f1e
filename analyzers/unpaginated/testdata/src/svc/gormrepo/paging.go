package gormrepo

import (
	"errors"

	"gorm.io/gorm"
)

type Page struct {
	Size  int
	After uint
}

// paginate adds a keyset page to a query.
func paginate(p *Page, tx *gorm.DB) (*gorm.DB, error) {
	if p.Size <= 0 {
		return nil, errors.New("page size must be positive")
	}
	return tx.Where("id > ?", p.After).Order("id").Limit(p.Size), nil
}

// The list pages when the caller asks for a page: the helper adds the
// Limit, and an unpaged list is the caller's choice (SPIRE's listBundles).
func listInvoices(tx *gorm.DB, p *Page) ([]Invoice, error) {
	var err error
	if p != nil {
		tx, err = paginate(p, tx)
		if err != nil {
			return nil, err
		}
	}
	var out []Invoice
	return out, tx.Find(&out).Error
}

// A parameter only narrowed by GORM's own methods is still unbounded.
func listOpen(tx *gorm.DB) ([]Invoice, error) {
	tx = tx.Where("status = ?", "open")
	var out []Invoice
	return out, tx.Find(&out).Error // want `Find loads every matching row`
}
