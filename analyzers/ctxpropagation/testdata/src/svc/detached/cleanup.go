package detached

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
)

// Uploader sends a file in parts to an object store. When a part fails,
// the multipart session is aborted; the failure is often the request's
// own cancellation, which would make an abort that took ctx fail too.
type Uploader struct {
	client *http.Client
	db     *sql.DB
	base   string
}

// cancelSession is context-less on purpose: it runs after a failure.
func (u *Uploader) cancelSession(id string) error { // want cancelSession:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)` `cancelSession does its I/O without a context .* called from 1 call site that has a context in scope \(cleanup\.go:60, with ctx\)`
	_, err := u.db.Exec("DELETE FROM upload_parts WHERE upload_id = ?", id)
	return err
}

func (u *Uploader) putPart(ctx context.Context, id string, n int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.base+"/uploads/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := u.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Upload aborts the session on the error path: not reported.
func (u *Uploader) Upload(ctx context.Context, id string, parts int) error {
	for i := 0; i < parts; i++ {
		if err := u.putPart(ctx, id, i); err != nil {
			_ = u.cancelSession(id)
			return err
		}
	}
	return nil
}

// Finish cancels the session when completing it failed, and goes on.
func (u *Uploader) Finish(ctx context.Context, id string) error {
	_, err := u.db.ExecContext(ctx, "UPDATE uploads SET done = true WHERE id = ?", id)
	if err != nil {
		_ = u.cancelSession(id)
	}
	return nil
}

// Abandon cancels on the normal path, where the request's context is live:
// this call site is the one the grouped finding names.
func (u *Uploader) Abandon(ctx context.Context, id string) error {
	return u.cancelSession(id)
}

// Record stores the upload; when that fails the row is written without
// ctx in a branch that neither returns nor cleans up by name: reported.
func (u *Uploader) Record(ctx context.Context, id string) error {
	if _, err := u.db.ExecContext(ctx, "INSERT INTO uploads (id) VALUES (?)", id); err != nil {
		_, _ = u.db.Exec("INSERT INTO failed_uploads (id) VALUES (?)", id) // want `Exec`
		return errors.Join(err, errors.New("recorded as failed"))
	}
	return nil
}

// refreshIndex does its I/O without a context; its only caller declares
// its context _, so the finding says to name it first.
func (u *Uploader) refreshIndex() error { // want refreshIndex:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)` `refreshIndex does its I/O without a context .*\(cleanup\.go:\d+, with an unnamed context parameter, to name and pass\)`
	_, err := u.db.Exec("REFRESH MATERIALIZED VIEW upload_index")
	return err
}

func (u *Uploader) Reindex(_ context.Context) error {
	return u.refreshIndex()
}
