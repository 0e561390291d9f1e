package api

import (
	"context"
	"os/exec"
)

// pluginCmd builds the command of a plugin process; the plugin host starts
// it and owns its lifetime, so the builder does no I/O of its own (SPIRE's
// catalog).
func pluginCmd(path string, args ...string) *exec.Cmd {
	cmd := exec.Command(path, args...)
	cmd.Env = []string{"PLUGIN=1"}
	return cmd
}

type pluginHost struct{ cmd *exec.Cmd }

func (s *Server) loadPlugin(ctx context.Context, path string) *pluginHost {
	return &pluginHost{cmd: pluginCmd(path, "--serve")}
}

// A builder with the context in scope that ignores it is still reported.
func convertCmd(ctx context.Context, in string) *exec.Cmd {
	return exec.Command("convert", in, "out.png") // want `exec\.Command ignores ctx`
}

// A context-less helper that runs the command itself does I/O without a
// context: its callers are reported.
func runConvert(in string) error { // want runConvert:"noContextIO" `runConvert does its I/O without a context`
	return exec.Command("convert", in, "out.png").Run()
}

func (s *Server) thumbnail(ctx context.Context, in string) error {
	return runConvert(in) // reported at the declaration
}
