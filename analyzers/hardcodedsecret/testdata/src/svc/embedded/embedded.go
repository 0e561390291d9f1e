// Package embedded ships configuration inside the binary with go:embed,
// and holds a service account key in a Go string.
package embedded

import "embed"

//go:embed conf/service-account.json
var serviceAccount []byte // want `hardcoded Google Cloud service account private key in embedded file conf/service-account.json:5 \(----…\(\d+ chars\)\)`

//go:embed conf/storage.yaml
var storage string // want `hardcoded Azure storage account key in embedded file conf/storage.yaml:3 \(Tq7Z…\(88 chars\)\)` `hardcoded password under key "password" in embedded file conf/storage.yaml:6 \(…\(12 chars\), looks human-chosen\)`

//go:embed conf/clean.yaml conf/public
var clean embed.FS

// A key file inlined as a Go string, with its \n escapes.
const inline = `{"private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQu+4IszaeD7pvbX\nguexyqNRp1tGsI4U8qtaD2k3D7w7ElA+WJTffL2Uv8xkLYN3he0Aud2hQ3hJOHJW\nk5GuEvRQPJ+ckhavy5vBmDkzJniKVsZ4qV5C3uI3b0F6OEOH6rXeAkgfLEVbUWka\nB0C0BH7BXLsipa7t2dff+sCOqBOIAirM2RaJDE3p9StGhZD83quvgdVGCb+x+3KS\n4bdJdvTwbULRu9F8ENYoKd+TEpOCD8+Q4nT0WoyKhn39xq7wt3426Vv/K5GPDQZg\ngIz80Exo8Ier0AHbEHL4cu+FJW5Hrrf+4ZBUXNNMukuJPHzCYaRUzx66IIOKUdMc\n-----END PRIVATE KEY-----\n", "client_email": "svc@acme.iam.gserviceaccount.com"}` // want `hardcoded Google Cloud service account private key \(----…\(\d+ chars\)\)`
