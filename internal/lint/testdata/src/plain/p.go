package plain

func risky() int { return 1 }

func f() {
	//resilint:ignore probe outside the CLI the directives analyzer is silent
	risky()
}
