// Package settings is analyzed with custom settings: -min-length 24,
// -ignore-values ^internal-, and an extra rule for an in-house token.
package settings

const (
	// Shorter than min-length 24: not reported.
	shortPassword = "Vq3Zt8Lk2Mx7Rp4W"
	// Long enough.
	longPassword = "Vq3Zt8Lk2Mx7Rp4Wb9Nd6Yh1" // want `hardcoded password assigned to longPassword`
	// Ignored by -ignore-values.
	internalToken = "internal-Xk9mQ2vLp7Rt4zaB3dE5"
	// The in-house format, found by -extra-rules wherever it appears.
	deployNote        = "deploy with acmedt_" + "Xk9mQ2vLp7Rt4zaB3dE5fG7hJ9kL1mNp" // want `hardcoded ACME deploy token \(Xk9m…\(32 chars\)\)`
	placeholderDeploy = "acmedt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
)
