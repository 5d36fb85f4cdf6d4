package sandbox

import (
	"context"
	"encoding/binary"
	"io"

	"github.com/tetratelabs/wazero/api"
)

// Standard input, output and error reach the guest through the sandbox's
// own fd_read and fd_write, which read the instance's streams from the
// call's context, as environ_get does (environ.go). One instance can then
// serve several calls, each with its own streams: a reactor's instance is
// reused from its snapshot (reactor.go), while wazero binds a module's
// streams once, when it is instantiated. No directory is preopened, so 0,
// 1 and 2 are the only descriptors a guest has.

// stdio is one call's streams.
type stdio struct {
	in       io.Reader
	out, err io.Writer
	// tainted is set when the guest changes descriptor state that outlives
	// the call (fd_close, fd_renumber): its instance is then not reused.
	tainted bool
}

type stdioKey struct{}

func withStdio(ctx context.Context, s *stdio) context.Context {
	return context.WithValue(ctx, stdioKey{}, s)
}

func stdioOf(ctx context.Context) *stdio {
	if s, ok := ctx.Value(stdioKey{}).(*stdio); ok {
		return s
	}
	return &stdio{} // not started by Run: no streams
}

// WASI errnos.
const (
	errnoBadf   = 8
	errnoIO     = 29
	errnoNotSup = 58
)

// iovecs returns the guest's buffers that an iovec array names, or false if
// any lies outside its memory.
func iovecs(mem api.Memory, at, n uint32, each func(b []byte) (stop bool, errno uint32)) (total uint32, errno uint32) {
	arr, ok := mem.Read(at, n*8)
	if !ok || n > 1<<20 {
		return 0, errnoFault
	}
	for i := uint32(0); i < n; i++ {
		ptr := binary.LittleEndian.Uint32(arr[8*i:])
		size := binary.LittleEndian.Uint32(arr[8*i+4:])
		b, ok := mem.Read(ptr, size)
		if !ok {
			return total, errnoFault
		}
		stop, e := each(b)
		if e != 0 {
			return total, e
		}
		total += uint32(len(b))
		if stop {
			break
		}
	}
	return total, 0
}

// fdRead reads stdin into the iovecs: (fd, iovs, iovs_len, result.nread) -> errno.
func fdRead(ctx context.Context, mod api.Module, stack []uint64) {
	s := stdioOf(ctx)
	if uint32(stack[0]) != 0 || s.in == nil {
		stack[0] = errnoBadf
		return
	}
	var n uint32
	_, errno := iovecs(mod.Memory(), uint32(stack[1]), uint32(stack[2]), func(b []byte) (bool, uint32) {
		got, err := io.ReadFull(s.in, b)
		n += uint32(got)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return true, 0
		}
		if err != nil {
			return true, errnoIO
		}
		return false, 0
	})
	if errno == 0 && !mod.Memory().WriteUint32Le(uint32(stack[3]), n) {
		errno = errnoFault
	}
	stack[0] = uint64(errno)
}

// fdWrite writes the iovecs to stdout or stderr: (fd, iovs, iovs_len,
// result.nwritten) -> errno.
func fdWrite(ctx context.Context, mod api.Module, stack []uint64) {
	s := stdioOf(ctx)
	var w io.Writer
	switch uint32(stack[0]) {
	case 1:
		w = s.out
	case 2:
		w = s.err
	}
	if w == nil {
		stack[0] = errnoBadf
		return
	}
	n, errno := iovecs(mod.Memory(), uint32(stack[1]), uint32(stack[2]), func(b []byte) (bool, uint32) {
		if _, err := w.Write(b); err != nil {
			return true, errnoIO
		}
		return false, 0
	})
	if errno == 0 && !mod.Memory().WriteUint32Le(uint32(stack[3]), n) {
		errno = errnoFault
	}
	stack[0] = uint64(errno)
}

// fdClose (fd) -> errno closes nothing: the standard streams stay usable by
// the host, and the instance is not reused.
func fdClose(ctx context.Context, _ api.Module, stack []uint64) {
	if uint32(stack[0]) > 2 {
		stack[0] = errnoBadf
		return
	}
	stdioOf(ctx).tainted = true
	stack[0] = 0
}

// fdRenumber (fd, to) -> errno is not supported.
func fdRenumber(ctx context.Context, _ api.Module, stack []uint64) {
	stdioOf(ctx).tainted = true
	stack[0] = errnoNotSup
}
