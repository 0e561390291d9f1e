package ok

import (
	"errors"
	"log"
	"net"
	"reflect"
	"slices"
)

type policy struct {
	Matchers []string
	Name     string
}

// From caddy's httpcaddyfile: a counted loop bounded by len(...) walks
// data; restarting an index after deleting is not retrying an operation.
func consolidate(cps []policy) []policy {
	for i := 0; i < len(cps); i++ {
		for j := 0; j < len(cps); j++ {
			if j == i {
				continue
			}
			if reflect.DeepEqual(cps[i], cps[j]) {
				cps = slices.Delete(cps, j, j+1)
				i--
				break
			}
		}
	}
	return cps
}

// Walking a slice backwards by index is data too.
func lastValid(hosts []string, check func(string) error) string {
	for i := len(hosts) - 1; i >= 0; i-- {
		if err := check(hosts[i]); err == nil {
			return hosts[i]
		}
	}
	return ""
}

// From caddy's cmd: an accept loop waits for connections, each a new
// event, until one succeeds; it is a server loop, not a retry.
func awaitPingback(ln net.Listener, handle func(net.Conn) error, success chan struct{}) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				log.Println(err)
			}
			break
		}
		err = handle(conn)
		if err == nil {
			close(success)
			break
		}
		log.Println(err)
	}
}
