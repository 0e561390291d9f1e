package gormrepo

import (
	"context"

	"gorm.io/gorm"
)

type Order struct {
	ID     uint
	Status string
	Items  []Item
}

type Item struct {
	ID      uint
	OrderID uint
}

type Repo struct{ db *gorm.DB }

func (r *Repo) Create(ctx context.Context, o *Order) error { // want Create:"writes"
	return r.db.WithContext(ctx).Create(o).Error
}

func (r *Repo) CreateAndLog(ctx context.Context, o *Order) error { // want CreateAndLog:"writes"
	if err := r.db.WithContext(ctx).Create(o).Error; err != nil { // want `2 writes .*\*gorm.DB.Create here, \*gorm.DB.Exec at line 30.*db.Transaction`
		return err
	}
	return r.db.Exec("INSERT INTO audit (what) VALUES (?)", "order").Error
}

// The same through a local chain variable.
func (r *Repo) Close(ctx context.Context, id uint) error { // want Close:"writes"
	q := r.db.WithContext(ctx).Model(&Order{})
	if err := q.Where("id = ?", id).Update("status", "closed").Error; err != nil { // want `2 writes`
		return err
	}
	return r.db.Where("order_id = ?", id).Delete(&Item{}).Error
}

// db.Transaction: the callback's writes are transactional.
func (r *Repo) CreateTx(ctx context.Context, o *Order) error { // want CreateTx:"atomic"
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(o).Error; err != nil {
			return err
		}
		return tx.Model(o).Update("status", "new").Error
	})
}

// Begin() then writes on the transaction.
func (r *Repo) CreateBegin(o *Order) error { // want CreateBegin:"atomic"
	tx := r.db.Begin()
	if tx.Error != nil {
		return tx.Error
	}
	defer tx.Rollback()
	if err := tx.Create(o).Error; err != nil {
		return err
	}
	if err := tx.Save(&Item{OrderID: o.ID}).Error; err != nil {
		return err
	}
	return tx.Commit().Error
}

// Begin() leaked on the error path, commit unchecked.
func (r *Repo) Leaky(o *Order) error { // want Leaky:"atomic"
	tx := r.db.Begin() // want `transaction tx is not rolled back on every path`
	if err := tx.Create(o).Error; err != nil {
		return err
	}
	tx.Commit() // want `tx.Commit\(\) is called without checking its .Error`
	return nil
}

// UPDATE, or INSERT when no row matched.
func (r *Repo) Upsert(o *Order) error { // want Upsert:"writes"
	res := r.db.Model(&Order{}).Where("id = ?", o.ID).Updates(map[string]any{"status": o.Status})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return r.db.Create(o).Error
	}
	return nil
}

// Two different writes in a loop over items.
func (r *Repo) SaveAll(items []Item) error { // want SaveAll:"writes"
	for i := range items {
		if err := r.db.Save(&items[i]).Error; err != nil { // want `2 writes .*again in a loop`
			return err
		}
	}
	return nil
}

// A helper taking the handle as a parameter: counted with the caller's
// argument.
func SaveItem(db *gorm.DB, it *Item) error { // want SaveItem:"writes\\(gorm param0\\)"
	return db.Save(it).Error
}

func (r *Repo) TwoItems(a, b *Item) error { // want TwoItems:"writes"
	if err := SaveItem(r.db, a); err != nil { // want `2 writes .*SaveItem here, SaveItem at line 110`
		return err
	}
	return SaveItem(r.db, b)
}

func (r *Repo) TwoItemsTx(a, b *Item) error { // want TwoItemsTx:"atomic"
	return r.db.Transaction(func(tx *gorm.DB) error {
		if err := SaveItem(tx, a); err != nil {
			return err
		}
		return SaveItem(tx, b)
	})
}

func (r *Repo) TwoItemsBegin(a, b *Item) error { // want TwoItemsBegin:"atomic"
	tx := r.db.Begin()
	defer tx.Rollback()
	if err := SaveItem(tx, a); err != nil {
		return err
	}
	if err := SaveItem(tx, b); err != nil {
		return err
	}
	return tx.Commit().Error
}

// A context-carried transaction: getDB may return the transaction, the
// origin is unknown and nothing is counted.
type txKey struct{}

func (r *Repo) getDB(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx
	}
	return r.db
}

func (r *Repo) CtxWrites(ctx context.Context, o *Order) error {
	if err := r.getDB(ctx).Create(o).Error; err != nil {
		return err
	}
	return r.getDB(ctx).Create(&Item{OrderID: o.ID}).Error
}

// Helpers that return the *gorm.DB of their write: the caller checks its
// .Error, so each failure is seen and both writes are wanted.
func (r *Repo) insertOrder(o *Order) *gorm.DB { // want insertOrder:"writes"
	return r.db.Create(o)
}

func (r *Repo) insertItem(it *Item) *gorm.DB { // want insertItem:"writes"
	return r.db.Create(it)
}

func (r *Repo) Place(o *Order, it *Item) error { // want Place:"writes"
	if err := r.insertOrder(o).Error; err != nil { // want `2 writes .*insertOrder here, insertItem at line`
		return err
	}
	return r.insertItem(it).Error
}
