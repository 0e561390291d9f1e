package fiberapp

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// Settings is what a service reads from its config file.
type Settings struct {
	ReadTimeout time.Duration
	BodyLimit   int
}

// The bare app: fasthttp reads requests with no time limit.
func NewBare() *fiber.App {
	return fiber.New() // want `fiber.New's config has no ReadTimeout, which fasthttp takes as no limit \(and IdleTimeout falls back to it\): slow clients \(Slowloris\) can hold every connection open and exhaust the server; set ReadTimeout`
}

// A config that tunes everything but the read timeout.
func NewAPI(s Settings) *fiber.App {
	app := fiber.New(fiber.Config{ // want `fiber.New's config has no ReadTimeout`
		BodyLimit:    s.BodyLimit,
		Immutable:    true,
		WriteTimeout: 30 * time.Second,
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return fiber.DefaultErrorHandler(c, err)
		},
	})
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })
	return app
}

// An explicit zero is no limit either.
func NewZero() *fiber.App {
	return fiber.New(fiber.Config{ReadTimeout: 0, IdleTimeout: time.Minute}) // want `fiber.New's config has no ReadTimeout`
}

// The config built first in a variable, without a read timeout.
func NewFromVar() *fiber.App {
	cfg := fiber.Config{AppName: "svc", ServerHeader: "svc"}
	return fiber.New(cfg) // want `fiber.New's config has no ReadTimeout`
}

// Quiet: a constant read timeout.
func NewBounded() *fiber.App {
	return fiber.New(fiber.Config{ReadTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second})
}

// Quiet: the read timeout comes from configuration.
func NewConfigured(s Settings) *fiber.App {
	return fiber.New(fiber.Config{ReadTimeout: s.ReadTimeout})
}

// Quiet: a config variable given its read timeout before New.
func NewFromVarSetLater(s Settings) *fiber.App {
	cfg := fiber.Config{AppName: "svc"}
	if s.BodyLimit > 0 {
		cfg.BodyLimit = s.BodyLimit
	}
	cfg.ReadTimeout = s.ReadTimeout
	return fiber.New(cfg)
}

// Quiet: a config variable whose literal sets the read timeout.
func NewFromBoundedVar() *fiber.App {
	cfg := fiber.Config{ReadTimeout: 10 * time.Second, Prefork: false}
	return fiber.New(cfg)
}

// serverConfig stands for the usual configs.FiberConfig() helper.
func serverConfig() fiber.Config {
	return fiber.Config{ReadTimeout: 60 * time.Second}
}

// Quiet: the config is a helper's result, judged where it is built.
func NewFromHelper() *fiber.App {
	return fiber.New(serverConfig())
}

// Quiet: the caller's config.
func NewWith(cfg fiber.Config) *fiber.App {
	return fiber.New(cfg)
}
