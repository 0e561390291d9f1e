package evidence

import (
	"context"

	"gorm.io/gorm"
)

// The program's handles, set at start-up.
var mainDB, analyticsDB *gorm.DB

// A handler that takes GORM's *sql.DB to read LastInsertId from the
// driver, then links the new row through GORM itself: both handles are
// the same database, and the link uses the id the insert produced, moved
// through a conversion. A failure between them leaves an opportunity in no
// group.
func CreateOpportunity(user int64, title string, group int64) (uint64, error) { // want CreateOpportunity:"writes\\(gorm fixed\\)"
	db := mainDB
	sqlDB, err := db.DB()
	if err != nil {
		return 0, err
	}
	res, err := sqlDB.Exec("INSERT INTO volunteering (userid, title) VALUES (?, ?)", user, title) // want `2 writes on one path run outside a transaction \(\*sql\.DB\.Exec here, \*gorm\.DB\.Exec at line \d+\); the insert at line \d+ uses id, produced by the insert`
	if err != nil {
		return 0, err
	}
	var id uint64
	if last, err := res.LastInsertId(); err == nil && last > 0 {
		id = uint64(last)
	}
	if id > 0 && group > 0 {
		db.Exec("INSERT INTO volunteering_groups (volunteeringid, groupid) VALUES (?, ?)", id, group)
	}
	return id, nil
}

// Two databases: the analytics handle is not the one GORM holds, and the
// two writes share nothing the code shows.
func Track(ctx context.Context, user int64) error { // want Track:"writes\\(gorm fixed\\)"
	db := mainDB
	sqlDB, err := analyticsDB.DB()
	if err != nil {
		return err
	}
	if _, err := sqlDB.ExecContext(ctx, "INSERT INTO page_views (userid) VALUES (?)", user); err != nil {
		return err
	}
	return db.WithContext(ctx).Exec("UPDATE users SET last_seen = now() WHERE id = ?", user).Error
}
