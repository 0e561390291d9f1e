module github.com/rhnvrm/simples3

go 1.21
