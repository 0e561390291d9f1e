module github.com/shirou/gopsutil/v4

go 1.25.0
