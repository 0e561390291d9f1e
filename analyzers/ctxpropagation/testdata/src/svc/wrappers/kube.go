// Package wrappers is a storage client whose one request function drops
// the context and whose typed getters only wrap it: one root cause.
package wrappers

import (
	"context"
	"encoding/json"
	"net/http"
)

type client struct {
	http *http.Client
	base string
}

// get is where the context is dropped: every getter below reaches it.
func (c *client) get(path string, v any) error { // want get:`noContextIO\(calls http\.Client\.Get` `wrappers\.client\.get does its I/O without a context .* and is called, directly or through 2 wrappers of this package \(wrappers\.client\.getUser, wrappers\.client\.getToken\), from 3 call sites that have a context in scope .*add a ctx parameter to it and to the wrappers`
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

type User struct{ Name string }

type Token struct{ Value string }

func (c *client) getUser(id string) (User, error) { // want getUser:`noContextIO\(via wrappers\.client\.get`
	var u User
	err := c.get("/users/"+id, &u)
	return u, err
}

func (c *client) getToken(id string) (Token, error) { // want getToken:`noContextIO\(via wrappers\.client\.get`
	var t Token
	err := c.get("/tokens/"+id, &t)
	return t, err
}

// Storage is what the server calls, each method with the request's ctx.
type Storage struct{ c *client }

func (s *Storage) User(ctx context.Context, id string) (User, error) { return s.c.getUser(id) }

func (s *Storage) Token(ctx context.Context, id string) (Token, error) { return s.c.getToken(id) }

func (s *Storage) Raw(ctx context.Context, path string, v any) error { return s.c.get(path, v) }
