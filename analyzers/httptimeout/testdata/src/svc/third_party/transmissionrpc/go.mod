module github.com/hekmon/transmissionrpc/v3

go 1.21
