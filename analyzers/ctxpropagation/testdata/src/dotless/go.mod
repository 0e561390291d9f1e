module corp/app

go 1.25.0
