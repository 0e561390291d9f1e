package gormapp

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

var conn *gorm.DB

// getDB hands out the program's handle: a query started from it is judged
// like one started from the handle itself.
func getDB() *gorm.DB { return conn }

// firstPage is a helper that paginates: what it starts is not judged.
func firstPage() *gorm.DB { return conn.Order("id").Limit(50) }

// Every recipient of every campaign, exported in one go.
func ExportRecipients() ([]Recipient, error) {
	var out []Recipient
	err := getDB().Find(&out).Error // want `table recipient grows with use`
	return out, err
}

func FirstRecipients() ([]Recipient, error) {
	var out []Recipient
	err := firstPage().Find(&out).Error
	return out, err
}

// Setting is one key of the settings a file holds.
type Setting struct{ Key, Value string }

// SyncSettings upserts every key in a loop: one row per key, however often
// it runs, so settings does not grow.
func SyncSettings(kv map[string]string) error {
	for k, v := range kv {
		if err := conn.Clauses(clause.OnConflict{UpdateAll: true}).Create(&Setting{Key: k, Value: v}).Error; err != nil {
			return err
		}
	}
	return nil
}

func Settings() ([]Setting, error) {
	var out []Setting
	err := conn.Where("value <> ''").Find(&out).Error
	return out, err
}
