// Package gofeed is a stand-in for github.com/mmcdole/gofeed v1.3: a
// Parser with no Client fetches through a new &http.Client{}.
package gofeed

import "net/http"

type Feed struct{ Title string }

type Parser struct {
	Client *http.Client
}

func NewParser() *Parser { return &Parser{} }

func (f *Parser) ParseURL(feedURL string) (*Feed, error) { return &Feed{}, nil }
