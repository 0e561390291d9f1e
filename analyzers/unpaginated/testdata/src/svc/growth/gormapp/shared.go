package gormapp

import "gorm.io/gorm"

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
