// Package ctxrules registers a validation that takes the context (it
// looks the e-mail up): Struct then drops the request's context.
package ctxrules

import (
	"context"
	"net/http"

	"github.com/go-playground/validator/v10"
)

var validate = validator.New()

func init() {
	_ = validate.RegisterValidationCtx("unused_email", func(ctx context.Context, fl validator.FieldLevel) bool {
		return lookup(ctx, fl.Field().String())
	})
}

func lookup(ctx context.Context, email string) bool { return ctx.Err() == nil && email != "" } // want lookup:"inertContext\\(\\[0\\]\\)"

type Signup struct {
	Email string `validate:"required,unused_email"`
}

func Handle(w http.ResponseWriter, r *http.Request) {
	s := Signup{Email: r.FormValue("email")}
	if err := validate.Struct(s); err != nil { // want `Struct ignores r.Context\(\)`
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}
