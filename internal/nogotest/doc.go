// Package nogotest tests resilint's analyzers the way Bazel's nogo runs
// them: one package per process, types and facts of the imports read from
// files written by earlier runs (see docs/bazel.md). It has no code of its
// own; the vet tool it builds is in testdata/vettool.
package nogotest
