module github.com/SherClockHolmes/webpush-go

go 1.21
