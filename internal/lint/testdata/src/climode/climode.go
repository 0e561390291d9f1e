package climode

func risky() int { return 1 }

// In CLI mode the analyzers report even suppressed findings: the CLI
// applies directives itself so that it can tell which ones are unused.
func f() {
	//resilint:ignore probe reported raw in CLI mode
	risky() // want "risky call"
	risky() //nolint:resilint // want "risky call"
}
