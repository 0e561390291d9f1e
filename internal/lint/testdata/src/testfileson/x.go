package testfileson

func risky() int { return 1 }

func f() {
	risky() // want "risky call"
}
