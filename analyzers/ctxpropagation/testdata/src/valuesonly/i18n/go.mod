module example.com/i18n

go 1.25.0
