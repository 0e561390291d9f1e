// Package resource is a stand-in for OpenTelemetry's sdk/resource, with
// the real signatures of the functions the tests call.
package resource

import "context"

type Resource struct{ attrs []string }

func Default() *Resource { return DefaultWithContext(context.Background()) }

func DefaultWithContext(ctx context.Context) *Resource { return &Resource{} }

func Environment() *Resource { return EnvironmentWithContext(context.Background()) }

func EnvironmentWithContext(ctx context.Context) *Resource { return &Resource{} }

func Merge(a, b *Resource) (*Resource, error) { return a, nil }
