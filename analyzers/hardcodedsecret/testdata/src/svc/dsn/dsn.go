// Package dsn opens the service's databases: connection strings.
package dsn

import (
	"database/sql"
	"fmt"
	"os"
)

// Real passwords embedded in connection strings.
const ordersDSN = "postgres://orders:Zq8Lm3Xk7Rv2Tp9W@orders-db.prod.acme.io:5432/orders?sslmode=require" // want `hardcoded PostgreSQL connection URL with a password \(Zq8L…\(16 chars\)\)`

func OpenReports() (*sql.DB, error) {
	return sql.Open("mysql", "reports:Hq2Wz8Kx4Lm7Pv3R@tcp(reports.prod.acme.io:3306)/reports?parseTime=true") // want `hardcoded MySQL DSN with a password \(Hq2W…\(16 chars\)\)`
}

var cacheURL = "rediss://default:Tk7Qm2Zx9Lp4Wv8B@cache.acme.io:6380/0" // want `hardcoded Redis connection URL with a password \(Tk7Q…\(16 chars\)\)`

// A random password is reported even on localhost.
var localAdmin = "postgres://admin:Xb4Kp9Lz2Qm7Rt3W@localhost:5432/app" // want `hardcoded PostgreSQL connection URL with a password \(Xb4K…\(16 chars\)\)`

// Not reported: the password comes from formatting or the environment,
// is a placeholder, or is a dev default on the developer's machine.
func Open() (*sql.DB, error) {
	dsn := fmt.Sprintf("postgres://%s:%s@%s:5432/%s?sslmode=disable", os.Getenv("DB_USER"), os.Getenv("DB_PASSWORD"), os.Getenv("DB_HOST"), "orders")
	return sql.Open("pgx", dsn)
}

const (
	localDSN    = "postgres://postgres:postgres@localhost:5432/orders?sslmode=disable"
	composeDSN  = "postgres://orders:orders@127.0.0.1:5432/orders"
	exampleDSN  = "postgres://user:password@db.example.com:5432/orders"
	templateDSN = "postgres://orders:${DB_PASSWORD}@orders-db:5432/orders"
	helpDSN     = "mongodb+srv://<user>:<password>@cluster0.mongodb.net/app"
	rabbitLocal = "amqp://guest:guest@localhost:5672/"
	mysqlFmt    = "%s:%s@tcp(%s:%d)/%s?parseTime=true"
	pqFmt       = "host=%s port=%d user=%s password=%s dbname=%s sslmode=disable"
	noPassword  = "redis://cache.acme.io:6379/0"
	userOnly    = "postgres://readonly@replica.acme.io/orders"
)
