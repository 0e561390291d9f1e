// Package gen holds a very large generated file, written by the test.
package gen
