package suppress

//resilint:file-ignore probe this file replays recorded fixtures

func fileIgnored() {
	risky()
	risky()
}
