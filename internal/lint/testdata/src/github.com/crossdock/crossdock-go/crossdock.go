// Package crossdock stands in for the crossdock integration-test harness.
package crossdock

type T interface{ Param(key string) string }

type Behaviors map[string]func(t T)

func Handler(b Behaviors, failOnUnknown bool) any { return nil }
