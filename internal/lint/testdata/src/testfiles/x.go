package testfiles

func risky() int { return 1 }

func f() {
	risky() // want "risky call"
}

// A test hook by its name: only tests call it.
func listAllForTesting() {
	risky()
}
