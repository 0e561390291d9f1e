package negatives

// A test fixture file outside _test.go (testcert.go, keys_test_data.go):
// analyzed only with -tests.
const fixturePassword = "Kc8Zq3Lx7Mp2Rt9Wb4Nv"
