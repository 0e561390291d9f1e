// Package testsonly has a secret only in its test file.
package testsonly

func Login(user, password string) bool { return user != "" && password != "" }
