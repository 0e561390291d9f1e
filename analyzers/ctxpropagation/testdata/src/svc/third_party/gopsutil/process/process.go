// Package process is a stand-in for gopsutil's process package, with the
// real signatures of the functions the tests call.
package process

import "context"

type Process struct{ Pid int32 }

func NewProcess(pid int32) (*Process, error) { return NewProcessWithContext(context.Background(), pid) }

func NewProcessWithContext(ctx context.Context, pid int32) (*Process, error) {
	return &Process{Pid: pid}, ctx.Err()
}

func (p *Process) Exe() (string, error) { return p.ExeWithContext(context.Background()) }

func (p *Process) ExeWithContext(ctx context.Context) (string, error) {
	return "/proc/self/exe", ctx.Err()
}
