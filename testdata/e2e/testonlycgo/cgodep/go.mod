module example.com/cgodep

go 1.26
