package audit

import (
	"encoding/binary"
	"fmt"
)

// A canary is a WAGI module with known answers, assembled here byte by
// byte (a few hundred bytes, no toolchain). Each deploy embeds a fresh
// random key, so every canary has its own CID and cannot be told from a
// customer's function by its address. What it does is chosen by the
// request body's first byte:
//
//	'H' nonce...   answers FNV-1a-64 of key || body: proves the code ran,
//	               unmodified, on this request (a provider cannot know key)
//	'C' n(le32)    runs n rounds of an LCG from 0 and answers the state:
//	               a CPU loop with a fixed result
//	'M' p(le32)    grows memory to p pages and writes its last byte:
//	               answers 1, or 0 when the grow is refused (out of memory)
//	'S'            loops forever: the provider must stop it at the spec's
//	               timeout
//
// Answers are "content-type:text/plain" and 16 lowercase hex digits.

// Memory layout of the canary.
const (
	cIOV    = 0    // iovec {ptr, len} for fd_read and fd_write
	cNRead  = 8    // bytes read or written
	cKey    = 16   // 16-byte key
	cOut    = 64   // header then 16 hex digits and a newline
	cBody   = 1024 // request body
	cMaxIn  = 60000
	cHeader = "content-type:text/plain\n\n"
)

// canaryKeyLen is the key's length in bytes.
const canaryKeyLen = 16

// canaryModule returns the canary module with key embedded.
func canaryModule(key [canaryKeyLen]byte) []byte {
	const (
		i32, i64 = 0x7f, 0x7e
		// locals after the (no) params: 0 total, 1 n, 2 i, 3 end (i32); 4 h, 5 x (i64)
		lTotal, lN, lI, lEnd, lH = 0, 1, 2, 3, 4
	)
	var c asm
	// Read stdin into cBody until EOF or cMaxIn bytes.
	c.block()
	c.loop()
	c.i32(cIOV).i32(cBody).localGet(lTotal).op(0x6a).store32(0)      // iov.ptr = body + total
	c.i32(cIOV + 4).i32(cMaxIn).localGet(lTotal).op(0x6b).store32(0) // iov.len = max - total
	c.i32(0).i32(cIOV).i32(1).i32(cNRead).call(0).op(0x1a)           // fd_read(0, iov, 1, &n); drop errno
	c.i32(cNRead).load32(0).localTee(lN).op(0x45).brIf(1)            // n == 0: done
	c.localGet(lTotal).localGet(lN).op(0x6a).localTee(lTotal)
	c.i32(cMaxIn).op(0x4f).brIf(1) // total >= max: done
	c.br(0)
	c.end().end()

	// Dispatch on body[0].
	c.i32(cBody).load8(0).i32('H').op(0x46).if_()
	// h = FNV-1a over key then body.
	c.i64(-3750763034362895579).localSet(lH) // 0xcbf29ce484222325
	c.i32(cKey).localSet(lI).i32(cKey + canaryKeyLen).localSet(lEnd)
	c.fnvLoop(lI, lEnd, lH)
	c.i32(cBody).localSet(lI).i32(cBody).localGet(lTotal).op(0x6a).localSet(lEnd)
	c.fnvLoop(lI, lEnd, lH)
	c.else_()
	c.i32(cBody).load8(0).i32('C').op(0x46).if_()
	// x = x*6364136223846793005 + i, n = le32(body[1:5]) rounds.
	c.i64(0).localSet(lH).i32(0).localSet(lI)
	c.i32(cBody + 1).load32Unaligned(0).localSet(lEnd)
	c.block().loop()
	c.localGet(lI).localGet(lEnd).op(0x4f).brIf(1) // i >= n: done
	c.localGet(lH).i64(6364136223846793005).op(0x7e).localGet(lI).op(0xad).op(0x7c).localSet(lH)
	c.localGet(lI).i32(1).op(0x6a).localSet(lI)
	c.br(0)
	c.end().end()
	c.else_()
	c.i32(cBody).load8(0).i32('M').op(0x46).if_()
	// grow to p pages; answer 1 and touch the last byte, or 0.
	c.i32(cBody + 1).load32Unaligned(0).localTee(lEnd)
	c.op(0x3f, 0x00).op(0x6b)         // p - memory.size
	c.op(0x40, 0x00).i32(-1).op(0x46) // memory.grow(...) == -1
	c.if_()
	c.i64(0).localSet(lH)
	c.else_()
	c.localGet(lEnd).i32(16).op(0x74).i32(1).op(0x6b).i32(0x5a).store8(0) // mem[p<<16 - 1] = 'Z'
	c.i64(1).localSet(lH)
	c.end()
	c.else_()
	c.i32(cBody).load8(0).i32('S').op(0x46).if_()
	c.loop().br(0).end() // never ends
	c.else_()
	c.i64(-1).localSet(lH) // unknown request
	c.end().end().end().end()

	// Write the header, then h as 16 hex digits and a newline.
	c.i32(0).localSet(lI)
	c.block().loop()
	c.localGet(lI).i32(16).op(0x4f).brIf(1)
	// nib = (h >> (60 - 4i)) & 15
	c.localGet(lH).i32(60).localGet(lI).i32(2).op(0x74).op(0x6b).op(0xad).op(0x88).op(0xa7).i32(15).op(0x71).localSet(lN)
	c.i32(cOut + len(cHeader)).localGet(lI).op(0x6a) // address
	c.localGet(lN).i32('0').op(0x6a)                 // '0' + nib
	c.localGet(lN).i32('a' - 10).op(0x6a)            // 'a' - 10 + nib
	c.localGet(lN).i32(10).op(0x49)                  // nib < 10
	c.op(0x1b).store8(0)                             // select
	c.localGet(lI).i32(1).op(0x6a).localSet(lI)
	c.br(0)
	c.end().end()
	c.i32(cOut + len(cHeader) + 16).i32('\n').store8(0)
	c.i32(cIOV).i32(cOut).store32(0)
	c.i32(cIOV + 4).i32(len(cHeader) + 17).store32(0)
	c.i32(1).i32(cIOV).i32(1).i32(cNRead).call(1).op(0x1a) // fd_write(1, iov, 1, &n)

	locals := cat(uleb(2), uleb(4), []byte{i32}, uleb(2), []byte{i64})
	body := cat(locals, c.b, []byte{0x0b})
	fdType := funcType([]byte{i32, i32, i32, i32}, []byte{i32})
	return cat([]byte("\x00asm\x01\x00\x00\x00"),
		section(1, fdType, funcType(nil, nil)),
		section(2, importFunc("wasi_snapshot_preview1", "fd_read", 0), importFunc("wasi_snapshot_preview1", "fd_write", 0)),
		section(3, uleb(1)),
		section(5, cat([]byte{0x00}, uleb(1))), // memory: 1 page, no maximum
		section(7, export("memory", 2, 0), export("_start", 0, 2)),
		section(10, cat(uleb(uint32(len(body))), body)),
		section(11,
			cat([]byte{0x00, 0x41}, sleb(cKey), []byte{0x0b}, uleb(canaryKeyLen), key[:]),
			cat([]byte{0x00, 0x41}, sleb(cOut), []byte{0x0b}, uleb(uint32(len(cHeader))), []byte(cHeader))),
	)
}

// fnvLoop appends: for ; i < end; i++ { h = (h ^ mem[i]) * prime }.
func (c *asm) fnvLoop(i, end, h uint32) {
	c.block().loop()
	c.localGet(i).localGet(end).op(0x4f).brIf(1)
	c.localGet(h).localGet(i).load8(0).op(0xad).op(0x85).i64(0x100000001b3).op(0x7e).localSet(h)
	c.localGet(i).i32(1).op(0x6a).localSet(i)
	c.br(0)
	c.end().end()
}

// Expected answers, computed as the canary does.

func canaryHash(key [canaryKeyLen]byte, body []byte) string {
	h := uint64(0xcbf29ce484222325)
	for _, b := range append(key[:], body...) {
		h = (h ^ uint64(b)) * 0x100000001b3
	}
	return fmt.Sprintf("%016x", h)
}

func canaryCPU(n uint32) string {
	var x uint64
	for i := uint32(0); i < n; i++ {
		x = x*6364136223846793005 + uint64(i)
	}
	return fmt.Sprintf("%016x", x)
}

const (
	canaryGrown = "0000000000000001"
	canaryOOM   = "0000000000000000"
)

func canaryBody(op byte, n uint32) []byte {
	return binary.LittleEndian.AppendUint32([]byte{op}, n)
}

// asm appends wasm instructions.
type asm struct{ b []byte }

func (c *asm) op(b ...byte) *asm             { c.b = append(c.b, b...); return c }
func (c *asm) i32(v int) *asm                { return c.op(0x41).op(sleb(int64(v))...) }
func (c *asm) i64(v int64) *asm              { return c.op(0x42).op(sleb(v)...) }
func (c *asm) localGet(i uint32) *asm        { return c.op(0x20).op(uleb(i)...) }
func (c *asm) localSet(i uint32) *asm        { return c.op(0x21).op(uleb(i)...) }
func (c *asm) localTee(i uint32) *asm        { return c.op(0x22).op(uleb(i)...) }
func (c *asm) load32(off uint32) *asm        { return c.op(0x28, 2).op(uleb(off)...) }
func (c *asm) load32Unaligned(o uint32) *asm { return c.op(0x28, 0).op(uleb(o)...) }
func (c *asm) load8(off uint32) *asm         { return c.op(0x2d, 0).op(uleb(off)...) }
func (c *asm) store32(off uint32) *asm       { return c.op(0x36, 2).op(uleb(off)...) }
func (c *asm) store8(off uint32) *asm        { return c.op(0x3a, 0).op(uleb(off)...) }
func (c *asm) call(f uint32) *asm            { return c.op(0x10).op(uleb(f)...) }
func (c *asm) block() *asm                   { return c.op(0x02, 0x40) }
func (c *asm) loop() *asm                    { return c.op(0x03, 0x40) }
func (c *asm) if_() *asm                     { return c.op(0x04, 0x40) }
func (c *asm) else_() *asm                   { return c.op(0x05) }
func (c *asm) end() *asm                     { return c.op(0x0b) }
func (c *asm) br(d uint32) *asm              { return c.op(0x0c).op(uleb(d)...) }
func (c *asm) brIf(d uint32) *asm            { return c.op(0x0d).op(uleb(d)...) }

func uleb(n uint32) []byte { return binary.AppendUvarint(nil, uint64(n)) }

// sleb is signed LEB128.
func sleb(v int64) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func vec(items ...[]byte) []byte { return cat(uleb(uint32(len(items))), cat(items...)) }
func str(s string) []byte        { return cat(uleb(uint32(len(s))), []byte(s)) }
func section(id byte, items ...[]byte) []byte {
	body := vec(items...)
	return cat([]byte{id}, uleb(uint32(len(body))), body)
}
func funcType(params, results []byte) []byte {
	return cat([]byte{0x60}, uleb(uint32(len(params))), params, uleb(uint32(len(results))), results)
}
func importFunc(mod, name string, typeIdx uint32) []byte {
	return cat(str(mod), str(name), []byte{0x00}, uleb(typeIdx))
}
func export(name string, kind byte, idx uint32) []byte {
	return cat(str(name), []byte{kind}, uleb(idx))
}
