package gormv1 // want package:`tables\(grows: group_target group_targets result results target targets; written: campaign campaigns group_target group_targets result results target targets; keys: \)`

// Reads through GORM v1 (github.com/jinzhu/gorm):
// Related and a Scan chain without Raw are judged like Find.

import "github.com/jinzhu/gorm"

var db *gorm.DB

type User struct{ ID int64 }

type Campaign struct {
	ID     int64
	UserID int64
	Name   string
}

type Result struct {
	ID         int64
	CampaignID int64
	Email      string
}

type Target struct {
	ID    int64
	Email string
}

type GroupTarget struct {
	GroupID  int64
	TargetID int64
}

// Launch inserts a result per target: results grows with every campaign.
func Launch(c *Campaign, emails []string) error {
	if err := db.Save(c).Error; err != nil {
		return err
	}
	for _, e := range emails {
		if err := db.Save(&Result{CampaignID: c.ID, Email: e}).Error; err != nil {
			return err
		}
	}
	return nil
}

// ImportGroup inserts the targets of an uploaded CSV: targets grows.
func ImportGroup(gid int64, emails []string) error {
	for _, e := range emails {
		t := Target{Email: e}
		if err := db.Save(&t).Error; err != nil {
			return err
		}
		if err := db.Save(&GroupTarget{GroupID: gid, TargetID: t.ID}).Error; err != nil {
			return err
		}
	}
	return nil
}

// Every result of a campaign, through the association.
func Results(cid int64) ([]Result, error) {
	rs := []Result{}
	err := db.Model(&Campaign{ID: cid}).Related(&rs).Error // want `Find loads every matching row .*table result grows with use`
	return rs, err
}

// A user's own campaigns: a child list of a table that is written one row
// at a time, quiet by default.
func Campaigns(uid int64) ([]Campaign, error) {
	cs := []Campaign{}
	err := db.Model(&User{ID: uid}).Related(&cs).Error
	return cs, err
}

// Every target of a group, selected with a join and scanned: a child list
// (targets are inserted in a loop when a group is imported, which says how
// the table grows, not how many one group has), reported by -strict only.
func Targets(gid int64) ([]Target, error) {
	ts := []Target{}
	err := db.Table("targets").Select("targets.id, targets.email").
		Joins("left join group_targets gt ON targets.id = gt.target_id").
		Where("gt.group_id = ?", gid).Scan(&ts).Error
	return ts, err
}

// Every target that ever opted out, of every group: a whole-table filter
// of a growing table, scanned.
func OptedOut() ([]Target, error) {
	ts := []Target{}
	err := db.Table("targets").Select("targets.id, targets.email").
		Where("targets.status = ?", "opted-out").Scan(&ts).Error // want `Find loads every matching row .*table targets grows with use`
	return ts, err
}

// One page of them.
func TargetsPage(gid, after int64) ([]Target, error) {
	ts := []Target{}
	err := db.Table("targets").Joins("left join group_targets gt ON targets.id = gt.target_id").
		Where("gt.group_id = ? AND targets.id > ?", gid, after).Order("targets.id").Limit(100).Scan(&ts).Error
	return ts, err
}

// One target, scanned into a struct.
func TargetByEmail(email string) (Target, error) {
	var t Target
	err := db.Table("targets").Where("email = ?", email).Scan(&t).Error
	return t, err
}
