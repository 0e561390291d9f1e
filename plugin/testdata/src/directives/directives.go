// Package directives holds resilint directives, well formed and not, for
// the plugin's directive check. A "want +1" comment expects its report on
// the directive below it: written on the directive's own line, it would be
// read as the directive's reason. Only comments matter to the check, so
// the package imports nothing (loading net/http would only slow the test).
package directives

// want +1 `^//resilint:file-ignore needs a reason`
//resilint:file-ignore unpaginated

// want +1 `^malformed //resilint:ignore directive: name the analyzers it silences and why`
//resilint:ignore

func ready() {
	// want +1 `^//resilint:ignore needs a reason after the analyzer names`
	//resilint:ignore httptimeout
	get("http://127.0.0.1:9901/ready")

	// want +1 `^//resilint:ignore names unknown analyzer "httptimout" \(known: httptimeout, `
	//resilint:ignore httptimout the sidecar answers on localhost
	get("http://127.0.0.1:9901/ready")

	//resilint:ignore httptimeout the sidecar answers on localhost and is supervised
	get("http://127.0.0.1:9901/live")
}

func probe(u string) {
	// want +1 `^//resilint:ignore needs a reason`
	get(u) //resilint:ignore httptimeout
	get(u) //nolint:resilint
	get(u) //resilint:ignore httptimeout,retrybackoff the caller's watchdog bounds probes
}

func get(string) {}
