// Package tools pins the versions of the third-party tools resilint's
// tests and benchmarks run (go tool actionlint, ...). It is a module of its
// own so that their dependencies never enter resilint's module graph,
// which golangci-lint custom builds merge with golangci-lint's.
package tools
