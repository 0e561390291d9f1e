package store

// Each sync below reaches context-less I/O two ways: through warm (two
// calls deep) and through ping (one). Its fact must name the same path on
// every run, whatever order the package's facts are solved in: the
// message is part of a finding's identity for baselines and the eval's
// determinism check. Four of them make an order-dependent solver fail
// here almost surely.

func (s *Store) ping() error { // want ping:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)`
	_, err := s.db.Exec("SELECT 1")
	return err
}

func (s *Store) warm() { _, _ = s.loadAll() } // want warm:`noContextIO\(via store\.Store\.loadAll: store\.Store\.loadAll calls sql\.DB\.Query instead of QueryContext\)`

func (s *Store) SyncUsers() { s.warm(); _ = s.ping() } // want SyncUsers:`noContextIO\(via store\.Store\.ping: store\.Store\.ping calls sql\.DB\.Exec instead of ExecContext\)`

func (s *Store) SyncGroups() { s.warm(); _ = s.ping() } // want SyncGroups:`noContextIO\(via store\.Store\.ping: store\.Store\.ping calls sql\.DB\.Exec instead of ExecContext\)`

func (s *Store) SyncRoles() { s.warm(); _ = s.ping() } // want SyncRoles:`noContextIO\(via store\.Store\.ping: store\.Store\.ping calls sql\.DB\.Exec instead of ExecContext\)`

func (s *Store) SyncTeams() { s.warm(); _ = s.ping() } // want SyncTeams:`noContextIO\(via store\.Store\.ping: store\.Store\.ping calls sql\.DB\.Exec instead of ExecContext\)`
