module example.com/svc

go 1.26

require example.com/api v0.0.0
