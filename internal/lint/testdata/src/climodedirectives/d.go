package climodedirectives

func risky() int { return 1 }

func f() {
	//resilint:ignore probe handed to the CLI // want "resilint:ignore probe handed to the CLI"
	risky()
	risky() //nolint:resilint nolint comments are left to golangci-lint's nolintlint
	//resilint:ignore // want "resilint:ignore"
}
