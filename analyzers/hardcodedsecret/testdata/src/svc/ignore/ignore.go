// Package ignore suppresses a finding with a directive.
package ignore

//resilint:ignore hardcodedsecret rotated in INC-1234, kept for the legacy sandbox only
const sandboxPassword = "Fz7Kq2Lx9Mp4Rt8Wb3Nq"
