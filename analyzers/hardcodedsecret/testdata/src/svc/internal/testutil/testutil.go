// Package testutil holds test fixtures: not analyzed unless -tests.
package testutil

const FixturePassword = "Kc8Zq3Lx7Mp2Rt9Wb4Nv" // want `hardcoded password assigned to FixturePassword`
