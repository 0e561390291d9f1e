package gormapp // want package:`tables\(grows: device devices recipient recipients; written: device devices header headers preference preferences recipient recipients setting settings smtp smtps webhook webhooks; keys: device devices\)`

type Device struct {
	ID    uint
	Mac   string `gorm:"uniqueIndex"`
	Kind  string `gorm:"uniqueIndex:idx_kind_app"`
	AppID uint   `gorm:"uniqueIndex:idx_kind_app"`
}

type Recipient struct {
	ID         uint
	CampaignID uint
	Email      string
}

type Group struct{ Members []string }

type SMTP struct {
	ID      uint
	Headers []Header
}

type Header struct {
	ID     uint
	SMTPID uint
}

type Preference struct {
	UserID uint
	Theme  string
}

type Webhook struct {
	ID  uint
	URL string
}
