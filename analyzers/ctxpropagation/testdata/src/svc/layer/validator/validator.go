// Package validator checks requests against the database through the
// layer: its functions reach the layer's I/O without a context, so calls
// of them belong to the layer's finding, not to findings of their own.
package validator

import (
	"errors"

	"example.com/svc/layer/storage"
)

func ValidateFeedCreation(s *storage.Storage, userID int64, url string) error { // want ValidateFeedCreation:`noContextIO\(via storage\.Storage\.FeedURLExists: storage\.Storage\.FeedURLExists calls sql\.DB\.QueryRow instead of QueryRowContext\)`
	if url == "" {
		return errors.New("empty feed URL")
	}
	if s.FeedURLExists(userID, url) {
		return errors.New("duplicated feed")
	}
	return nil
}
