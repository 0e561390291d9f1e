package gormrepo

import "gorm.io/gorm"

func (r *Repo) InTransaction(customer uint) error {
	return r.db.Transaction(func(tx *gorm.DB) error {
		var open []Invoice
		if err := tx.Where("customer_id = ? AND status = ?", customer, "open").Find(&open).Error; err != nil { // want `Find loads every matching row`
			return err
		}
		var page []Invoice
		return tx.Where("customer_id = ?", customer).Limit(20).Find(&page).Error
	})
}
