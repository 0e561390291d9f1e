// Command orders is a fixture for the end-to-end secret tests: every
// credential below is a random fake of the right shape. Provider tokens
// are split with + so that secret scanners do not block pushes of this
// file; the analyzer folds constant concatenations.
package main

import (
	"fmt"
	"net/http"
	"os"
)

const (
	githubToken  = "ghp_" + "Lq7Zx2Km9Pt4Rw8Vb3Nc6Yh1Jf5Gd0" + "1v4THX"
	awsKeyID     = "AKIA" + "QX7ZK2LM6PT4RW3V"
	stripeKey    = "sk_live_" + "51Hq7Zx2Km9Pt4Rw8Vb3Nc6Yh1Jf5Gd0LmQ"
	slackWebhook = "https://hooks.slack.com/services/T04Q7ZX2K/B05R8VB3NC6/" + "Yh1Jf5Gd0LmQp7Zx2Km9Pt4R"
	ordersDSN    = "postgres://orders:" + "Wm3Kx8Pq2Lz7Rt5Vn9Bc" + "@orders-db.prod.acme.io:5432/orders"
	serviceJWT   = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiJzdmMtb3JkZXJzIiwiaXNzIjoiYXV0aC5hY21lLmlvIiwiaWF0IjoxNzY3MjI1NjAwfQ." + "532Pqo5d73V4GU8-ANQ1GaAEe9ty7bZjZmteutfH_zs"
	smtpPassword = "Jk4Pz8Lq2Xm7Rv3Tb9Wn"
)

const signingKey = `-----BEGIN RSA PRIVATE KEY-----
gtD7fGUOv8fwNfBb0jXxUJR4QQAAabVVloZaXZxmCu1VShIqmArIntn9oX98WHgC
tzC1uwB5FXZPf7stg7NvlE3LaruSrjLnonWKTn9UGKzEesg61SHE/qaQQ0NV3vTH
1lS6V6+o9jl8zSOwW/rXL+iuItEnuj+hlrWB8gpj7ktsjs0sW5uqSVZu9kK1V1mi
DZU4XcXF8cVGROoX9YE17swJaevAszj0OvEmMlrltQ10v7SUw9ZRLsAwNpSpw23c
/l9wxUhm/g1Con+kS9DP4flFRyB9jf8Ef+iTkl/8PCQmkrlD7suQEAg6NYB229x8
` + `yZl7ImA3k8nSV9/qT2GIdiKIDq2Iz+GPPcORl4TXX0UIbFNwJjHPzRB3Lo++tvHR
lTlchIegkRev6xWQCrKELP6ex79pNDxGT2cOK+bRwtelqsxwRtl3uEbXyIMEEXZZ
F+9sA28m2p77MYTUJvx8TgOjUkeE9EsvoHC68TPpl6eUEZDdKzunX7ukI7UeWaF3
iA7H50VFEsMJe+L8GfG/yHGg05nGEYWzYdKoNLUJbC4t+2wQBn5cORn9LhzoQQK8
fK2fjH/fGZkvMJ1owAkQD4SCG2iNwQpInVRh/pkEIDDPGQt3hCd2QuZqtBUUMiVS
-----END RSA PRIVATE KEY-----
`

func main() {
	os.Setenv("STRIPE_WEBHOOK_KEY", "Rf6Tz2Kq8Lm4Xp9Vb3Wc")
	req, err := http.NewRequest("GET", "https://api.github.com/user", nil)
	if err != nil {
		panic(err)
	}
	req.Header.Set("Authorization", "token "+githubToken)
	req.SetBasicAuth("orders", smtpPassword)
	fmt.Println(awsKeyID != "", stripeKey != "", slackWebhook != "", ordersDSN != "", serviceJWT != "", len(signingKey))
}
