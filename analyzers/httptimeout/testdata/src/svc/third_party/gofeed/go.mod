module github.com/mmcdole/gofeed

go 1.21
