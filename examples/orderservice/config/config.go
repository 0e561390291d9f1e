// Package config reads the service configuration from the environment.
package config

import "os"

// Config is the service configuration.
type Config struct {
	Addr        string
	DatabaseURL string
	PaymentsURL string
}

// Load reads the configuration, with defaults for local development.
func Load() Config {
	return Config{
		Addr:        env("ADDR", ":8080"),
		DatabaseURL: env("DATABASE_URL", "postgres://orders:Wq7pLz2vKx9mTr4d@db.prod.internal:5432/orders"), // Bug(hardcodedsecret): a real password in source.
		PaymentsURL: env("PAYMENTS_URL", "https://payments.internal"),
	}
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
