package hardcodedsecret

// Words against random letters. Identifiers, config keys and dev defaults
// are made of words (mysecretpassword, billing-db-credentials), which
// follow the letter pairs of English; generated keys drawn from a
// lower-case or hexadecimal alphabet have letter runs as long as words
// (imaqygtlubypew), but their pairs are improbable ones. bigramLogP holds
// the letter-pair statistics of the Go distribution's sources.

// letterScore returns the mean log2-probability, in bits, of the letter
// pairs inside the runs of three or more letters of s (case folded, so
// camelCase words join), and how many pairs were scored.
func letterScore(s string) (mean float64, pairs int) {
	total, run := 0, 0
	prev := -1
	flush := func() { run = 0; prev = -1 }
	// Pairs of a run are only counted once the run is long enough, so
	// keep them aside until then.
	pending, pendingN := 0, 0
	for i := 0; i <= len(s); i++ {
		c := byte(0)
		if i < len(s) {
			c = s[i] | 0x20
		}
		if c < 'a' || c > 'z' {
			if run >= 3 {
				total += pending
				pairs += pendingN
			}
			pending, pendingN = 0, 0
			flush()
			continue
		}
		if prev >= 0 {
			pending += int(bigramLogP[prev][c-'a'])
			pendingN++
		}
		prev = int(c - 'a')
		run++
	}
	if pairs == 0 {
		return 0, 0
	}
	return float64(total) / 10 / float64(pairs), pairs
}

// gibberishLimit is the mean pair log-probability below which letters are
// not words: English words and identifiers score -3.5 to -4.9 bits a
// pair, random lower-case letters -5.2 to -8.
const gibberishLimit = -5.0

// gibberish reports whether the letters of s read as random rather than
// as words: at least 6 scored pairs, scoring below gibberishLimit.
func gibberish(s string) bool {
	mean, n := letterScore(s)
	return n >= 6 && mean < gibberishLimit
}
