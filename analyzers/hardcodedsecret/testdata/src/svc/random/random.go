// Package random holds generated credentials whose alphabet makes them
// look like words to a simple test: one-case letters and digits with
// long letter runs, long numbers, keyboard runs.
package random

type Settings struct {
	DatadogAPIKey string
	DroneToken    string
	TravisToken   string
	WebhookSecret string
	PIN           string
}

var Defaults = Settings{
	DatadogAPIKey: "npakwuvkyi4yudixuxek7pvbjsbphsxd", // want `hardcoded API key in field DatadogAPIKey \(npak…\(32 chars\)\)`
	DroneToken:    "bxunbkwtuwdbbspazypcbzxx",         // want `hardcoded token in field DroneToken \(bxun…\(24 chars\)\)`
	TravisToken:   "cpnnywfkfuvkw5bihcay8jw3",         // want `hardcoded token in field TravisToken \(cpnn…\(24 chars\)\)`
	WebhookSecret: "92141858086686908892253105675596", // want `hardcoded secret in field WebhookSecret \(9214…\(32 chars\)\)`
}

const apiKey = "PoiuytLkjhg83Mnbvcx27asdfQ4" // want `hardcoded API key assigned to apiKey \(Poiu…\(27 chars\)\)`

// Words, identifiers and numbers that are not credentials.
var Words = []Settings{
	{DroneToken: "supersecretpassword"},
	{DroneToken: "kubernetesserviceaccount"},
	{DroneToken: "billing-db-credentials"},
	{DroneToken: "deadbeefdeadbeefdeadbeef"},
	{WebhookSecret: "1234567890123456789"},
	{WebhookSecret: "1700000000000000000"},
	{WebhookSecret: "20240101"},
	{TravisToken: "travis_ci_token_v2"},
	{TravisToken: "defaultaccesstokenname"},
}
