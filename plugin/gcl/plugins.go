package main

// Registering a module plugin is a blank import, as `golangci-lint custom`
// generates it.
import _ "github.com/resilint/resilint/plugin"
