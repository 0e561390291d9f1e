package suppress

func risky() int { return 1 }

func plain() {
	risky() // want "risky call"
}

func ignoredAbove() {
	//resilint:ignore probe the caller holds a deadline
	risky()
}

func ignoredTrailing() {
	risky() //resilint:ignore probe the caller holds a deadline
}

func ignoredOnlyOneLine() {
	//resilint:ignore probe covers the next line only
	risky()
	risky() // want "risky call"
}

func noReasonDoesNotSuppress() {
	//resilint:ignore probe
	risky() // want "risky call"
}

func otherAnalyzerDoesNotSuppress() {
	//resilint:ignore httptimeout wrong analyzer named
	risky() // want "risky call"
}

func listNamingProbe() {
	//resilint:ignore httptimeout,probe both apply here
	risky()
}

func nolintStyles() {
	risky() //nolint:resilint // golangci-lint style, whole suite
	risky() //nolint:probe
	risky() //nolint
	risky() //nolint:errcheck // want "risky call"
}
