package suppress

func trailingCoversOnlyItsLine() {
	_ = 1   //resilint:ignore probe covers this line only, not the call below
	risky() // want "risky call"
}
