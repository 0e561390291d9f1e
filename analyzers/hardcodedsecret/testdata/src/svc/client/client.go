// Package client calls a provider with a token held in a constant: the
// token is reported once, where it is written, not at each use.
package client

import "net/http"

const ghToken = "gh" + "p_Wq3Zt8Lk2Mx7Rp4Wb9Nd6Yh1Xf5Jc0" + "1N7Mg2" // want `hardcoded GitHub personal access token \(ghp_…\(40 chars\)\)`

// The same token with a suffix: reported at ghToken only.
const ghTokenHeader = "token " + ghToken

func Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "token "+ghToken)
	return http.DefaultClient.Do(req)
}

func Do2(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", ghTokenHeader)
	return http.DefaultClient.Do(req)
}
