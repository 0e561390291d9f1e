// Package top imports lib through user.
package top

import "example.com/loaderrs/user"

// Top calls user.
func Top() int { return user.Use() }
