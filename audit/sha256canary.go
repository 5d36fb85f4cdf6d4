package audit

import (
	"encoding/binary"
)

// The sha256 canary is a WAGI module, assembled here byte by byte, that
// answers a request body B with the 32 bytes SHA-256(B): the one answer
// the Stake contract (contracts/src/Stake.sol) computes by itself, so a
// provider's receipt binding any other answer to it slashes the provider.
// It hashes stdin as it reads it, 64 bytes at a time, so it is right for
// a body of any length: a third party who learns a canary's CID (evidence
// reveals it) cannot make an honest provider answer wrongly. A custom
// section carries the caller's nonce, so each canary has its own CID and
// cannot be told from a customer's function by its address.

// Memory layout of the sha256 canary.
const (
	sIOV   = 0   // iovec {ptr, len}
	sNRead = 8   // bytes read or written
	sK     = 64  // the 64 round constants, native (little-endian) i32s
	sH     = 320 // the state H0..H7
	sW     = 384 // the message schedule W0..W63
	sOut   = 640 // header, then the 32-byte digest
	sBlock = 960 // the 64-byte block being filled
	sHdr   = "content-type:application/octet-stream\n\n"
)

var sha256K = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

var sha256H0 = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// i32 and i64 opcodes used below.
const (
	opAdd, opAnd, opOr, opXor, opShl, opShrU, opRotr = 0x6a, 0x71, 0x72, 0x73, 0x74, 0x76, 0x78
	opEqz, opEq, opGeU, opLtU                        = 0x45, 0x46, 0x4f, 0x49
	opI64ExtendU, opI64Mul, opI64ShrU, opWrap        = 0xad, 0x7e, 0x88, 0xa7
)

// sha256CanaryModule returns the sha256 canary with nonce in a custom section.
func sha256CanaryModule(nonce []byte) []byte {
	const i32, i64 = 0x7f, 0x7e
	fdType := funcType([]byte{i32, i32, i32, i32}, []byte{i32})
	voidType := funcType(nil, nil)
	// Functions: 0 fd_read, 1 fd_write (imports), 2 compress, 3 _start.
	compress := sha256Compress()
	start := sha256Start()
	k := make([]byte, 0, 256)
	for _, v := range sha256K {
		k = binary.LittleEndian.AppendUint32(k, v)
	}
	h := make([]byte, 0, 32)
	for _, v := range sha256H0 {
		h = binary.LittleEndian.AppendUint32(h, v)
	}
	custom := cat(str("wf-canary"), nonce)
	return cat([]byte("\x00asm\x01\x00\x00\x00"),
		section(1, fdType, voidType),
		section(2, importFunc("wasi_snapshot_preview1", "fd_read", 0), importFunc("wasi_snapshot_preview1", "fd_write", 0)),
		section(3, uleb(1), uleb(1)),
		section(5, cat([]byte{0x00}, uleb(1))), // memory: 1 page
		section(7, export("memory", 2, 0), export("_start", 0, 3)),
		section(10, cat(uleb(uint32(len(compress))), compress), cat(uleb(uint32(len(start))), start)),
		section(11,
			cat([]byte{0x00, 0x41}, sleb(sK), []byte{0x0b}, uleb(uint32(len(k))), k),
			cat([]byte{0x00, 0x41}, sleb(sH), []byte{0x0b}, uleb(uint32(len(h))), h),
			cat([]byte{0x00, 0x41}, sleb(sOut), []byte{0x0b}, uleb(uint32(len(sHdr))), []byte(sHdr))),
		cat([]byte{0}, uleb(uint32(len(custom))), custom),
	)
}

// sha256Compress is the body of compress(): one 64-byte block at sBlock
// into the state at sH.
func sha256Compress() []byte {
	// locals: 0 t, 1 x, 2 y, 3..10 a..h, 11 t1
	const lt, lx, ly, la, lt1 = 0, 1, 2, 3, 11
	lb, lc, ld, le, lf, lg, lh := uint32(4), uint32(5), uint32(6), uint32(7), uint32(8), uint32(9), uint32(10)
	var c asm
	w := func(idxLocal uint32, back int) { // push W[t-back]
		c.localGet(idxLocal).i32(back).op(0x6b).i32(2).op(opShl).load32(sW)
	}
	// W[t] for t < 16: big-endian words of the block.
	c.i32(0).localSet(lt)
	c.block().loop()
	c.localGet(lt).i32(16).op(opGeU).brIf(1)
	c.localGet(lt).i32(2).op(opShl) // &W[t] - sW
	c.localGet(lt).i32(2).op(opShl).localSet(lx)
	c.localGet(lx).load8(sBlock).i32(24).op(opShl)
	c.localGet(lx).load8(sBlock + 1).i32(16).op(opShl).op(opOr)
	c.localGet(lx).load8(sBlock + 2).i32(8).op(opShl).op(opOr)
	c.localGet(lx).load8(sBlock + 3).op(opOr)
	c.store32(sW)
	c.localGet(lt).i32(1).op(opAdd).localSet(lt)
	c.br(0)
	c.end().end()
	// W[t] for 16 <= t < 64.
	c.block().loop()
	c.localGet(lt).i32(64).op(opGeU).brIf(1)
	c.localGet(lt).i32(2).op(opShl) // address
	w(lt, 15)
	c.localSet(lx)
	c.localGet(lx).i32(7).op(opRotr).localGet(lx).i32(18).op(opRotr).op(opXor).localGet(lx).i32(3).op(opShrU).op(opXor) // s0
	w(lt, 2)
	c.localSet(ly)
	c.localGet(ly).i32(17).op(opRotr).localGet(ly).i32(19).op(opRotr).op(opXor).localGet(ly).i32(10).op(opShrU).op(opXor) // s1
	c.op(opAdd)
	w(lt, 16)
	c.op(opAdd)
	w(lt, 7)
	c.op(opAdd)
	c.store32(sW)
	c.localGet(lt).i32(1).op(opAdd).localSet(lt)
	c.br(0)
	c.end().end()
	// a..h = H.
	for i := uint32(0); i < 8; i++ {
		c.i32(0).load32(sH + 4*i).localSet(la + i)
	}
	// 64 rounds.
	c.i32(0).localSet(lt)
	c.block().loop()
	c.localGet(lt).i32(64).op(opGeU).brIf(1)
	// t1 = h + S1(e) + ch(e,f,g) + K[t] + W[t]
	c.localGet(lh)
	c.localGet(le).i32(6).op(opRotr).localGet(le).i32(11).op(opRotr).op(opXor).localGet(le).i32(25).op(opRotr).op(opXor).op(opAdd)
	c.localGet(le).localGet(lf).op(opAnd).localGet(le).i32(-1).op(opXor).localGet(lg).op(opAnd).op(opXor).op(opAdd)
	c.localGet(lt).i32(2).op(opShl).load32(sK).op(opAdd)
	c.localGet(lt).i32(2).op(opShl).load32(sW).op(opAdd)
	c.localSet(lt1)
	// t2 = S0(a) + maj(a,b,c), kept in x
	c.localGet(la).i32(2).op(opRotr).localGet(la).i32(13).op(opRotr).op(opXor).localGet(la).i32(22).op(opRotr).op(opXor)
	c.localGet(la).localGet(lb).op(opAnd).localGet(la).localGet(lc).op(opAnd).op(opXor).localGet(lb).localGet(lc).op(opAnd).op(opXor)
	c.op(opAdd).localSet(lx)
	c.localGet(lg).localSet(lh)
	c.localGet(lf).localSet(lg)
	c.localGet(le).localSet(lf)
	c.localGet(ld).localGet(lt1).op(opAdd).localSet(le)
	c.localGet(lc).localSet(ld)
	c.localGet(lb).localSet(lc)
	c.localGet(la).localSet(lb)
	c.localGet(lt1).localGet(lx).op(opAdd).localSet(la)
	c.localGet(lt).i32(1).op(opAdd).localSet(lt)
	c.br(0)
	c.end().end()
	// H += a..h.
	for i := uint32(0); i < 8; i++ {
		c.i32(0).i32(0).load32(sH + 4*i).localGet(la + i).op(opAdd).store32(sH + 4*i)
	}
	locals := cat(uleb(1), uleb(12), []byte{0x7f})
	return cat(locals, c.b, []byte{0x0b})
}

// sha256Start is the body of _start: read stdin block by block, pad,
// write the header and the digest.
func sha256Start() []byte {
	// locals: 0 fill, 1 n, 2 i (i32); 3 total (i64)
	const lFill, lN, lI, lTotal = 0, 1, 2, 3
	var c asm
	c.block().loop()
	c.i32(sIOV).i32(sBlock).localGet(lFill).op(opAdd).store32(0)
	c.i32(sIOV + 4).i32(64).localGet(lFill).op(0x6b).store32(0)
	c.i32(0).i32(sIOV).i32(1).i32(sNRead).call(0).op(0x1a)
	c.i32(sNRead).load32(0).localTee(lN).op(opEqz).brIf(1) // EOF (or an error: no more input)
	c.localGet(lTotal).localGet(lN).op(opI64ExtendU).op(0x7c).localSet(lTotal)
	c.localGet(lFill).localGet(lN).op(opAdd).localTee(lFill)
	c.i32(64).op(opEq).if_()
	c.call(2).i32(0).localSet(lFill)
	c.end()
	c.br(0)
	c.end().end()
	// Padding: 0x80, zeros, the length in bits (big-endian) at 56..64.
	c.localGet(lFill).i32(0x80).store8(sBlock)
	c.localGet(lFill).i32(1).op(opAdd).localSet(lFill)
	c.localGet(lFill).i32(56).op(0x4b).if_() // fill > 56: no room for the length here
	c.zeroBlock(lFill, 64)
	c.call(2).i32(0).localSet(lFill)
	c.end()
	c.zeroBlock(lFill, 56)
	c.i32(0).localSet(lI)
	c.block().loop()
	c.localGet(lI).i32(8).op(opGeU).brIf(1)
	c.localGet(lI)                     // address - (sBlock+56)
	c.localGet(lTotal).i64(3).op(0x86) // bits = total << 3
	c.i64(56).localGet(lI).op(opI64ExtendU).i64(3).op(0x86).op(0x7d).op(opI64ShrU).op(opWrap)
	c.store8(sBlock + 56)
	c.localGet(lI).i32(1).op(opAdd).localSet(lI)
	c.br(0)
	c.end().end()
	c.call(2)
	// Digest: H big-endian after the header.
	c.i32(0).localSet(lI)
	c.block().loop()
	c.localGet(lI).i32(32).op(opGeU).brIf(1)
	c.localGet(lI)                                                               // address - (sOut+len(hdr))
	c.localGet(lI).i32(-4).op(opAnd).load32(sH)                                  // H[i/4]
	c.i32(24).localGet(lI).i32(3).op(opAnd).i32(3).op(opShl).op(0x6b).op(opShrU) // >> (24 - 8*(i%4))
	c.store8(sOut + uint32(len(sHdr)))
	c.localGet(lI).i32(1).op(opAdd).localSet(lI)
	c.br(0)
	c.end().end()
	c.i32(sIOV).i32(sOut).store32(0)
	c.i32(sIOV + 4).i32(len(sHdr) + 32).store32(0)
	c.i32(1).i32(sIOV).i32(1).i32(sNRead).call(1).op(0x1a)
	locals := cat(uleb(2), uleb(3), []byte{0x7f}, uleb(1), []byte{0x7e})
	return cat(locals, c.b, []byte{0x0b})
}

// zeroBlock appends: for ; fill < end; fill++ { block[fill] = 0 }.
func (c *asm) zeroBlock(fill uint32, end int) {
	c.block().loop()
	c.localGet(fill).i32(end).op(opGeU).brIf(1)
	c.localGet(fill).i32(0).store8(sBlock)
	c.localGet(fill).i32(1).op(opAdd).localSet(fill)
	c.br(0)
	c.end().end()
}
