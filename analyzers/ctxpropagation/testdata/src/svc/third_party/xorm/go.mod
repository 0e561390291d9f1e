module xorm.io/xorm

go 1.25.0
