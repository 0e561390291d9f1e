package fix

import "github.com/gofiber/fiber/v2"

func FiberBare() *fiber.App {
	return fiber.New() // want `fiber.New's config has no ReadTimeout`
}

func FiberConfig(limit int) *fiber.App {
	return fiber.New(fiber.Config{ // want `fiber.New's config has no ReadTimeout`
		BodyLimit: limit,
		Immutable: true,
	})
}

func FiberVar() *fiber.App {
	cfg := fiber.Config{AppName: "svc"}
	return fiber.New(cfg) // want `fiber.New's config has no ReadTimeout`
}
