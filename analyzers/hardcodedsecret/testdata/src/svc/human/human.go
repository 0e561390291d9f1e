// Package human holds passwords that people chose: not random, so the
// entropy gate lets them through, but passwords all the same when a
// password-like name or a connection string says so.
package human

import (
	"database/sql"
	"os"
)

type DB struct {
	Host       string
	DBPassword string
}

const adminPassword = "Summer2024!" // want `hardcoded password assigned to adminPassword \(…\(11 chars\), looks human-chosen\)`

func Defaults() DB {
	password := "P@ssw0rd2024" // want `hardcoded password assigned to password \(…\(12 chars\), looks human-chosen\)`
	_ = password
	return DB{Host: "db.prod.acme.io", DBPassword: "Bluebird1987!"} // want `hardcoded password in field DBPassword \(…\(13 chars\), looks human-chosen\)`
}

func Open() (*sql.DB, error) {
	return sql.Open("mysql", "root:hunter2@tcp(db.prod.acme.io:3306)/orders") // want `hardcoded MySQL DSN with a password \(…\(7 chars\), looks human-chosen\)`
}

const reportsDSN = "postgres://reports:Winter2023!@reports-db.acme.io:5432/reports" // want `hardcoded PostgreSQL connection URL with a password \(…\(11 chars\), looks human-chosen\)`

// Not reported: placeholders, templates, the bare word in any spelling,
// names of things, messages, and dev defaults on the developer's machine.
var (
	placeholders = []DB{
		{DBPassword: "changeme"},
		{DBPassword: "password"},
		{DBPassword: "P@ssw0rd"},
		{DBPassword: "secret"},
		{DBPassword: "xxxxxxxx"},
		{DBPassword: "<password>"},
		{DBPassword: "${DB_PASSWORD}"},
		{DBPassword: "%DB_PASSWORD%"},
		{DBPassword: "example123!"},
		{DBPassword: "dbpassword"},
		{DBPassword: "DB_PASSWORD"},
		{DBPassword: "admin123"},
		{DBPassword: "Password123!"},
		{DBPassword: "MySecret2024!"},
		{DBPassword: "Test@1234"},
	}
	// Labels, messages, names and other things a password field holds
	// in code that is not a password.
	labels = []DB{
		{DBPassword: "Password"},
		{DBPassword: "Enter password"},
		{DBPassword: "Mot de passe"},
		{DBPassword: "new_password"},
		{DBPassword: "confirmPassword2"},
		{DBPassword: "At least 8 characters, 1 digit!"},
		{DBPassword: "users.password_hash"},
		{DBPassword: "^(?=.*[A-Z]).{8,}$"},
		{DBPassword: "Ops2024@acme.io"},
		{DBPassword: "/run/secrets/db"},
		{DBPassword: "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
	}
	localDSN   = "root:hunter2@tcp(localhost:3306)/orders"
	composeDSN = "postgres://app:Summer2024!@127.0.0.1:5432/app"
	envDSN     = os.Getenv("DB_PASSWORD")
)

// The name's own value is a name, not a password.
const DBPassword = "DBPassword"

// A password whose shape is an identifier or a version.
var versions = []DB{{DBPassword: "db_pass_1"}, {DBPassword: "DbPassword2"}, {DBPassword: "v1.2.3-rc4"}}
