// Package shapes holds loops that look like retries but are judged by
// their shape: regenerate-on-collision loops, wait-until-ready polls and
// loops over an iterator that skip read errors, and sleep hooks kept in
// function fields.
package shapes

import (
	"context"
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"io"
	"log"
	"time"
)

var ErrDuplicate = errors.New("duplicate key")

type Store interface {
	Create(ctx context.Context, slug, url string) error
}

func generateSlug() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// A short link: each try draws a new slug, and only a duplicate is retried.
func Shorten(ctx context.Context, s Store, url string) (string, error) {
	for {
		slug := generateSlug()
		err := s.Create(ctx, slug, url)
		if err == nil {
			return slug, nil
		}
		if !errors.Is(err, ErrDuplicate) {
			return "", err
		}
	}
}

// A bounded number of draws.
func ShortenBounded(ctx context.Context, s Store, url string) (string, error) {
	for range 5 {
		b := make([]byte, 4)
		rand.Read(b)
		slug := hex.EncodeToString(b)
		if err := s.Create(ctx, slug, url); err == nil {
			return slug, nil
		}
	}
	return "", ErrDuplicate
}

// Every error is taken for a collision, with no bound: a database outage
// spins it forever.
func ShortenAny(ctx context.Context, s Store, url string) string {
	for { // want `^retry loop draws a new random key after every error and never gives up: it takes any failure for a collision, so an outage of the store spins it forever; retry only on the duplicate-key error, and bound the attempts`
		slug := generateSlug()
		if err := s.Create(ctx, slug, url); err == nil {
			return slug
		}
	}
}

type Checker interface {
	Ready(ctx context.Context) error
}

// A wait-until-ready poll with a deadline that checks ctx.Done(): a fixed
// pace is fine.
func WaitReady(ctx context.Context, c Checker) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if err := c.Ready(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	return errors.New("not ready")
}

// An import that skips every read error but io.EOF: a truncated file
// returns the same error forever.
func Import(r *csv.Reader, handle func([]string)) {
	for { // want `^loop over a reader skips every error but io.EOF: a reader that keeps failing \(a truncated input, a broken connection\) returns the same error on every call and the loop spins forever; return the error, or skip only the errors known to concern one item`
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Printf("import: %v", err)
			continue
		}
		handle(rec)
	}
}

type Stream interface{ Next() ([]byte, error) }

// The same, with the io.EOF test inside the error branch.
func Drain(s Stream, handle func([]byte)) error {
	for { // want `^loop over a reader skips every error but io.EOF`
		msg, err := s.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			continue
		}
		handle(msg)
	}
}

// Skipping only the errors that concern one record, returning the others.
func ImportLenient(r *csv.Reader, handle func([]string)) error {
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			return err
		}
		handle(rec)
	}
}

// Returning the error.
func ImportStrict(r *csv.Reader, handle func([]string)) error {
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		handle(rec)
	}
}

// A subscriber import: read errors other than a short row are returned;
// the error skipped with continue is a row that fails validation, one
// item. Not reported.
type rowValidator interface{ Validate(row []string) error }

func ImportSubscribers(r *csv.Reader, v rowValidator, add func([]string)) error {
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			var perr *csv.ParseError
			if errors.As(err, &perr) && errors.Is(perr.Err, csv.ErrFieldCount) {
				continue
			}
			return err
		}
		err = v.Validate(rec)
		if err != nil {
			log.Printf("skipping row: %v", err)
			continue
		}
		add(rec)
	}
	return nil
}
