// Package gormv1 writes through GORM v1 (github.com/jinzhu/gorm).
package gormv1

import "github.com/jinzhu/gorm"

type Campaign struct {
	ID     int64
	UserID int64
	Name   string
}

type Result struct {
	CampaignID int64
	Email      string
}

var db *gorm.DB

// The campaign's ID, filled in by Create, goes into its results.
func PostCampaign(c *Campaign, emails []string) error { // want PostCampaign:"writes"
	if err := db.Save(c).Error; err != nil { // want `3 writes .*\*gorm.DB.Save here, \*gorm.DB.Create .*c.ID flows into the update at line 21 and the insert at line 25.*db.Transaction`
		return err
	}
	for _, e := range emails {
		if err := db.Create(&Result{CampaignID: c.ID, Email: e}).Error; err != nil {
			return err
		}
	}
	return nil
}

// A cascade over one campaign with v1's Where(...).Delete.
func DeleteCampaign(id int64) error { // want DeleteCampaign:"writes"
	if err := db.Where("campaign_id = ?", id).Delete(&Result{}).Error; err != nil { // want `the deletes at lines 34 and 37 cascade over id`
		return err
	}
	return db.Delete(&Campaign{ID: id}).Error
}

// Writes in db.Transaction are not counted.
func InTx(c *Campaign) error { // want InTx:"atomic"
	return db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Save(c).Error; err != nil {
			return err
		}
		return tx.Create(&Result{CampaignID: c.ID}).Error
	})
}

// Hygiene: v1's Commit without .Error, and an error path without
// Rollback.
func Begun(c *Campaign) error { // want Begun:"atomic"
	tx := db.Begin() // want `transaction tx is not rolled back`
	if err := tx.Save(c).Error; err != nil {
		return err
	}
	tx.Commit() // want `tx.Commit\(\) is called without checking its .Error`
	return nil
}
