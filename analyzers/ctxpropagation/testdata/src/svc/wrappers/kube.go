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

// infoCache ignores the context it is given: the fresh one handed to it
// is not where the I/O happens.
type infoCache struct{ m map[string]string }

func (c *infoCache) Get(ctx context.Context, key string) string { return c.m[key] }

// cover hands a fresh context to the cache, then fetches the image with
// http.Get: the fact names http.Get, the call that does the I/O.
func cover(cache *infoCache, artist string) error { // want cover:`noContextIO\(calls http\.Get, which takes no context\)` `wrappers\.cover does its I/O without a context \(it calls http\.Get`
	url := cache.Get(context.Background(), artist)
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ServeCover(r *http.Request, cache *infoCache) error {
	return cover(cache, r.URL.Query().Get("artist"))
}
