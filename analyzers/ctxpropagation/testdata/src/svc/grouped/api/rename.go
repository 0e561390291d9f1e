package api

import "context"

// Rename is in another file of the package: a third call site of Get.
func (h *Handler) Rename(ctx context.Context, id int64) error {
	_, err := h.users.Get(id) // call site
	return err
}
