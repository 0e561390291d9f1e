package fix

import "context"

type Ticket struct{ Status string }

// Two statements of one function are one finding, whose fix adds
// WithContext to both.
func (r *Repo) Resolve(ctx context.Context, id int) error {
	if err := r.gorm.Model(&Ticket{}).Where("id = ?", id).Update("status", "resolved").Error; err != nil { // want `gorm Update runs without ctx, which is in scope: .*, and 1 more GORM call in this function`
		return err
	}
	return r.gorm.Create(&Ticket{Status: "audit"}).Error
}
