package gormapp

import "gorm.io/gorm"

// Launch inserts a recipient per member of each group, in a transaction:
// recipients grows with every campaign.
func (r *Repo) Launch(campaign uint, groups []Group) error {
	for _, g := range groups {
		for _, m := range g.Members {
			if err := r.db.Save(&Recipient{CampaignID: campaign, Email: m}).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// One campaign's recipients: the fan-out of one launch. The table grows
// with every campaign, but the rows of one campaign are as many as its
// groups had members when it was launched (-strict reports it).
func (r *Repo) Recipients(campaign uint) ([]Recipient, error) {
	var out []Recipient
	err := r.db.Where("campaign_id = ?", campaign).Find(&out).Error
	return out, err
}

// Every recipient not yet sent to, of every campaign: a whole-table filter
// of a table that grows with each launch.
func (r *Repo) Pending() ([]Recipient, error) {
	var out []Recipient
	err := r.db.Where("sent_at IS NULL").Find(&out).Error // want `Find loads every matching row \(no Limit in the chain\), and table recipient grows with use \(rows are inserted in a loop at repo.go:10\)`
	return out, err
}

// A sending profile is saved with its few headers, and read back with
// them: a child list of a table with no growth evidence.
func (r *Repo) SaveSMTP(s *SMTP) error {
	if err := r.db.Save(s).Error; err != nil {
		return err
	}
	for i := range s.Headers {
		if err := r.db.Save(&s.Headers[i]).Error; err != nil {
			return err
		}
	}
	return nil
}

func (r *Repo) SMTP(id uint) (SMTP, error) {
	var s SMTP
	err := r.db.Where("id = ?", id).First(&s).Error
	if err == nil {
		err = r.db.Where("smtp_id = ?", s.ID).Find(&s.Headers).Error
	}
	return s, err
}

// A per-user singleton read with Find: not reported.
func (r *Repo) SavePreference(p *Preference) error { return r.db.Save(p).Error }

func (r *Repo) Preferences(user uint) ([]Preference, error) {
	var out []Preference
	err := r.db.Where("user_id = ?", user).Find(&out).Error
	return out, err
}

// Webhooks are administrative configuration, read whole on purpose.
func (r *Repo) CreateWebhook(w *Webhook) error { return r.db.Create(w).Error }

func (r *Repo) Webhooks() ([]Webhook, error) {
	var out []Webhook
	err := r.db.Find(&out).Error
	return out, err
}

// Devices are registered in bulk; lookups by a uniqueIndex tag are bounded.
func (r *Repo) Register(ds []Device) error {
	for i := range ds {
		if err := r.db.Create(&ds[i]).Error; err != nil {
			return err
		}
	}
	return nil
}

func (r *Repo) ByMACs(macs []string) ([]Device, error) {
	var out []Device
	err := r.db.Where("mac IN ?", macs).Find(&out).Error
	return out, err
}

func (r *Repo) ByKindApp(kind string, app uint) ([]Device, error) {
	var out []Device
	err := r.db.Where(&Device{Kind: kind, AppID: app}).Find(&out).Error
	return out, err
}

func (r *Repo) OfKind(kind string) ([]Device, error) {
	var out []Device
	err := r.db.Where("kind = ?", kind).Find(&out).Error // want `table device grows with use`
	return out, err
}

// Migrate runs a backfill in a transaction after AutoMigrate: its whole
// read runs once per database.
func (r *Repo) Migrate() error {
	if err := r.db.AutoMigrate(&Recipient{}); err != nil {
		return err
	}
	return r.db.Transaction(func(tx *gorm.DB) error {
		var all []Recipient
		return tx.Find(&all).Error
	})
}

type Repo struct{ db *gorm.DB }

// MigrateV2 calls a backfill helper after AutoMigrate: the helper, called
// only from there, runs once per database too.
func (r *Repo) MigrateV2() error {
	if err := r.db.AutoMigrate(&Recipient{}); err != nil {
		return err
	}
	return r.backfillEmails()
}

func (r *Repo) backfillEmails() error {
	var all []Recipient
	return r.db.Find(&all).Error
}
