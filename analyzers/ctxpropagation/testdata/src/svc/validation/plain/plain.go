// Package plain validates requests with go-playground/validator and
// registers no context-taking validation: StructCtx would carry the
// context nowhere, so Struct is not reported.
package plain

import (
	"context"
	"net/http"

	"github.com/go-playground/validator/v10"
)

var validate = validator.New()

type Signup struct {
	Email string `validate:"required,email"`
}

func Handle(w http.ResponseWriter, r *http.Request) {
	s := Signup{Email: r.FormValue("email")}
	if err := validate.Struct(s); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

func Check(ctx context.Context, s Signup) error { return validate.Var(s.Email, "email") }
