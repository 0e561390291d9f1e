// Package notify sends notifications. Nothing here is a secret.
package notify

import (
	"fmt"
	"os"
)

const (
	tokenEnv   = "SLACK_BOT_TOKEN"
	authHeader = "Authorization"
)

func Token() (string, error) {
	t := os.Getenv(tokenEnv)
	if t == "" {
		return "", fmt.Errorf("%s is not set: create a bot token at https://api.slack.com/apps", tokenEnv)
	}
	return t, nil
}
