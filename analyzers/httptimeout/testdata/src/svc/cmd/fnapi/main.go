// Command fnapi runs as an AWS Lambda function: API Gateway hands each
// request to the fiber app in process, and nothing ever connects to it, so
// its read timeout is moot.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/gofiber/fiber/v2"
)

type request struct {
	Path string `json:"path"`
}

func routes() *fiber.App {
	app := fiber.New() // quiet: never listens
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })
	return app
}

func main() {
	app := routes()
	lambda.Start(func(ctx context.Context, r request) (int, error) {
		_ = app
		return 200, nil
	})
}
