// Command fnboth runs as a Lambda function or, outside Lambda, as a
// plain server: the server side needs the read timeout.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New() // want `fiber.New's config has no ReadTimeout`
	if os.Getenv("AWS_LAMBDA_FUNCTION_NAME") == "" {
		_ = app.Listen(":8080")
		return
	}
	lambda.Start(func(ctx context.Context) error { return nil })
}
