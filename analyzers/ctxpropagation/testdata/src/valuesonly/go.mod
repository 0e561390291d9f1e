module example.com/app

go 1.25.0

require example.com/i18n v0.1.0

replace example.com/i18n => ./i18n
