package testsonly

import "database/sql"

type Repo struct{ db *sql.DB }
