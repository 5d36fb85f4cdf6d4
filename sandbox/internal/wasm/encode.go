package wasm

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// checkCode returns the check placed at every function entry and loop head:
//
//	global.get $stop
//	if
//	  unreachable
//	end
//	global.get $tick
//	i32.eqz
//	if
//	  call $slow
//	end
//	global.get $tick
//	i32.const 1
//	i32.sub
//	global.set $tick
func checkCode(stop, tick, slow uint32) []byte {
	b := append([]byte{0x23}, uleb128(stop)...)
	b = append(b, 0x04, 0x40, 0x00, 0x0b, 0x23)
	b = append(b, uleb128(tick)...)
	b = append(b, 0x45, 0x04, 0x40, 0x10)
	b = append(b, uleb128(slow)...)
	b = append(b, 0x0b, 0x23)
	b = append(b, uleb128(tick)...)
	b = append(b, 0x41, 0x01, 0x6b, 0x24)
	return append(b, uleb128(tick)...)
}

// slowBody returns the code entry (size, no locals, body) of $slow, which
// is not checked itself:
//
//	global.get $stop
//	if
//	  unreachable
//	end
//	i32.const 0
//	memory.grow 0  ;; wazero's machine code exits to Go here
//	drop
//	i32.const tickEvery
//	global.set $tick
func slowBody(stop, tick uint32) []byte {
	b := []byte{0x00, 0x23} // no locals
	b = append(b, uleb128(stop)...)
	b = append(b, 0x04, 0x40, 0x00, 0x0b, 0x41, 0x00, 0x40, 0x00, 0x1a, 0x41)
	b = append(b, SLEB128(tickEvery)...)
	b = append(b, 0x24)
	b = append(b, uleb128(tick)...)
	b = append(b, 0x0b)
	return append(uleb128(uint32(len(b))), b...)
}

// encodeCode returns the code section with a check at the start of every
// function and every loop and $slow appended, what the code uses, and how
// many instructions it has.
func encodeCode(secs []section, p *plan) (out []byte, bulk uses, instructions int, err error) {
	at := slices.IndexFunc(secs, func(s section) bool { return s.id == idCode })
	if at < 0 { // the rewrite's are the only functions
		return appendVec(nil, append([][]byte{p.slow}, p.extraFuncs...)), 0, 0, nil
	}
	r := &reader{b: secs[at].body}
	n := r.count()
	out = make([]byte, 0, len(secs[at].body)+int(n)*len(p.check)*2+len(p.slow))
	out = append(out, uleb128(n+1+uint32(len(p.extraFuncs)))...)
	var heads []int
	var ops *[]memOp
	if p.reactor {
		ops = new([]memOp)
	}
	for i := uint32(0); i < n; i++ {
		size := r.u32()
		body := r.bytes(size)
		if r.err != nil {
			return nil, 0, 0, r.fail(fmt.Sprintf("code of function %d", i))
		}
		var u uses
		var count int
		if ops != nil {
			*ops = (*ops)[:0]
		}
		heads, u, count, err = decodeFunc(body, p.spaces, heads[:0], ops)
		if err != nil {
			return nil, 0, 0, fmt.Errorf("code of function %d: %w", i, err)
		}
		bulk |= u
		instructions += count
		if ops == nil || len(*ops) == 0 {
			out = append(out, uleb128(uint32(len(body)+len(heads)*len(p.check)))...)
			out = appendChecked(out, body, p.check, heads)
			continue
		}
		f := appendRewritten(nil, body, p.check, heads, *ops, p.sizeCall, p.growCall)
		out = append(out, uleb128(uint32(len(f)))...)
		out = append(out, f...)
	}
	if r.more() {
		return nil, 0, 0, errors.New("bytes after the code section's functions")
	}
	out = append(out, p.slow...)
	for _, f := range p.extraFuncs {
		out = append(out, f...)
	}
	return out, bulk, instructions, nil
}

// appendChecked appends body to out with check inserted at each of heads.
func appendChecked(out, body, check []byte, heads []int) []byte {
	prev := 0
	for _, h := range heads {
		out = append(out, body[prev:h]...)
		out = append(out, check...)
		prev = h
	}
	return append(out, body[prev:]...)
}

// appendRewritten is appendChecked for a body whose memory.size and
// memory.grow (ops) become calls to the reactor's $vsize and $vgrow
// (sizeCall, growCall). A check at the offset of an op goes before it.
func appendRewritten(out, body, check []byte, heads []int, ops []memOp, sizeCall, growCall []byte) []byte {
	prev, h := 0, 0
	for _, op := range ops {
		for ; h < len(heads) && heads[h] <= op.at; h++ {
			out = append(out, body[prev:heads[h]]...)
			out = append(out, check...)
			prev = heads[h]
		}
		out = append(out, body[prev:op.at]...)
		if op.grow {
			out = append(out, growCall...)
		} else {
			out = append(out, sizeCall...)
		}
		prev = op.end
	}
	return appendChecked(out, body[prev:], check, shifted(heads[h:], prev))
}

// shifted returns heads less by.
func shifted(heads []int, by int) []int {
	s := make([]int, len(heads))
	for i, h := range heads {
		s[i] = h - by
	}
	return s
}

// vsizeBody is the code entry of a reactor's $vsize: the memory's size as
// the module sees it, global $vpages.
func vsizeBody(vpages uint32) []byte {
	b := append([]byte{0x00, 0x23}, uleb128(vpages)...)
	b = append(b, 0x0b)
	return append(uleb128(uint32(len(b))), b...)
}

// vgrowBody is the code entry of a reactor's $vgrow (param $n i32) (result
// i32), memory.grow as the module sees it: the memory it may use is
// $vpages pages, which may be fewer than the instance's memory has (an
// instance reset to its snapshot keeps the memory an earlier request grew,
// zeroed). It grows the real memory only past that.
//
//	(local $new i32)
//	local.get $n  global.get $vpages  i32.add  local.tee $new
//	i32.const 65536  i32.gt_u
//	local.get $new  global.get $vpages  i32.lt_u  ;; wrapped
//	i32.or
//	if  i32.const -1  return  end
//	local.get $new  memory.size  i32.gt_u
//	if
//	  local.get $new  memory.size  i32.sub  memory.grow 0
//	  i32.const -1  i32.eq
//	  if  i32.const -1  return  end
//	end
//	global.get $vpages  local.get $new  global.set $vpages
func vgrowBody(vpages uint32) []byte {
	vp := uleb128(vpages)
	b := slices.Concat(
		[]byte{0x01, 0x01, 0x7f},                               // one i32 local
		[]byte{0x20, 0x00, 0x23}, vp, []byte{0x6a, 0x22, 0x01}, // n + vpages, tee $new
		[]byte{0x41}, SLEB128(maxPages), []byte{0x4b}, // > 65536
		[]byte{0x20, 0x01, 0x23}, vp, []byte{0x49, 0x72}, // $new < vpages, or
		[]byte{0x04, 0x40, 0x41, 0x7f, 0x0f, 0x0b},                         // if: return -1
		[]byte{0x20, 0x01, 0x3f, 0x00, 0x4b, 0x04, 0x40},                   // $new > memory.size: if
		[]byte{0x20, 0x01, 0x3f, 0x00, 0x6b, 0x40, 0x00, 0x41, 0x7f, 0x46}, // memory.grow($new - size) == -1
		[]byte{0x04, 0x40, 0x41, 0x7f, 0x0f, 0x0b, 0x0b},                   // if: return -1; end
		[]byte{0x23}, vp, []byte{0x20, 0x01, 0x24}, vp, // old, vpages = $new
		[]byte{0x0b},
	)
	return append(uleb128(uint32(len(b))), b...)
}

// encodeModule returns the module of secs with the plan's entries added,
// code as its code section, the start section dropped (the sandbox calls
// the function through its export), tables bounded and, if merge, nearby
// data segments merged.
func encodeModule(secs []section, p *plan, code []byte, merge bool) []byte {
	var res []section
	emitted := map[byte]bool{}
	// addMissing places a section the module lacks before the first one
	// that must follow it.
	addMissing := func(before int) {
		for _, a := range p.added {
			if !emitted[a.id] && sectionOrder[a.id] < before && len(a.items) > 0 {
				res = append(res, section{a.id, appendVec(nil, a.items)})
				emitted[a.id] = true
			}
		}
		if !emitted[idCode] && sectionOrder[idCode] < before {
			res = append(res, section{idCode, code})
			emitted[idCode] = true
		}
	}
	for _, s := range secs {
		if s.id != idCustom {
			addMissing(sectionOrder[s.id])
		}
		switch s.id {
		case idType, idFunction, idMemory, idGlobal, idExport:
			for _, a := range p.added {
				if a.id == s.id {
					res = append(res, section{s.id, extendVec(s.body, a.items)})
				}
			}
			emitted[s.id] = true
		case idStart:
			// Dropped: the sandbox calls the function through its export.
		case idTable:
			res = append(res, section{idTable, boundTables(s.body)})
		case idCode:
			res = append(res, section{idCode, code})
			emitted[idCode] = true
		case idData:
			body := s.body
			if merge {
				body = mergeData(s.body, p.memSize)
			}
			res = append(res, section{idData, body})
		default:
			res = append(res, s)
		}
	}
	addMissing(len(sectionOrder) + 1)
	// A merge changes the number of segments, which DataCount must match.
	if i := slices.IndexFunc(res, func(s section) bool { return s.id == idDataCount }); i >= 0 {
		if j := slices.IndexFunc(res, func(s section) bool { return s.id == idData }); j >= 0 {
			res[i].body = uleb128((&reader{b: res[j].body}).count())
		}
	}

	size := len(header)
	for _, s := range res {
		size += 1 + 5 + len(s.body)
	}
	b := make([]byte, 0, size)
	b = append(b, header...)
	for _, s := range res {
		b = append(b, s.id)
		b = append(b, uleb128(uint32(len(s.body)))...)
		b = append(b, s.body...)
	}
	return b
}

func exportEntry(name string, kind byte, index uint32) []byte {
	b := append(uleb128(uint32(len(name))), name...)
	b = append(b, kind)
	return append(b, uleb128(index)...)
}

func appendVec(b []byte, items [][]byte) []byte {
	b = append(b, uleb128(uint32(len(items)))...)
	for _, it := range items {
		b = append(b, it...)
	}
	return b
}

// extendVec appends items to a vector section body. The body has been
// decoded already, so its count is valid.
func extendVec(body []byte, items [][]byte) []byte {
	r := &reader{b: body}
	n := r.u32()
	b := uleb128(n + uint32(len(items)))
	b = append(b, body[r.off:]...)
	return slices.Concat(append([][]byte{b}, items...)...)
}

// boundTables returns a table section (checked by checkSection) in which
// every table has a maximum of at most its minimum or maxTableEntries
// divided among the tables, whichever is more: a guest's table.grow beyond
// fails (-1) instead of making wazero allocate without bound.
func boundTables(body []byte) []byte {
	r := &reader{b: body}
	n := r.count()
	out := uleb128(n)
	for i := uint32(0); i < n; i++ {
		ref := r.byte()
		flags := r.byte()
		lo := r.u32()
		hi := uint32(math.MaxUint32)
		if flags == 0x01 {
			hi = r.u32()
		}
		hi = min(hi, max(lo, uint32(maxTableEntries/n)))
		out = append(append(append(out, ref, 0x01), uleb128(lo)...), uleb128(hi)...)
	}
	return out
}

// maxDataGap is the most zero bytes mergeData writes to join two segments.
const maxDataGap = 1024

// mergeData rewrites a data section whose active segments all have a
// constant offset and lie within memSize, the memory's initial size, so
// that nearby segments become one: the same bytes reach the same memory,
// with fewer offsets for wazero to evaluate. Passive segments are kept.
// Any other section is returned as it is, so wazero reports its errors.
func mergeData(body []byte, memSize uint64) []byte {
	type seg struct {
		off  uint64
		data []byte
	}
	r := &reader{b: body}
	n := r.count()
	active := make([]seg, 0, n)
	var passive [][]byte
	for i := uint32(0); i < n; i++ {
		start := r.off
		switch r.u32() {
		case 0:
			if r.byte() != 0x41 {
				return body
			}
			off := uint64(uint32(r.sleb32()))
			if r.byte() != 0x0b {
				return body
			}
			d := r.bytes(r.u32())
			if r.err != nil || off+uint64(len(d)) > memSize {
				return body
			}
			active = append(active, seg{off, d})
		case 1:
			r.bytes(r.u32())
			passive = append(passive, body[start:r.off])
		default: // an explicit memory index
			return body
		}
		if r.err != nil {
			return body
		}
	}
	if r.more() || len(active) < 2 {
		return body
	}
	// Runs of written bytes closer than maxDataGap are joined; the gap
	// between them keeps its zeros.
	sorted := active
	byOffset := func(a, b seg) int { return cmp.Compare(a.off, b.off) }
	if !slices.IsSortedFunc(active, byOffset) {
		sorted = slices.Clone(active)
		slices.SortStableFunc(sorted, byOffset)
	}
	type span struct{ lo, hi uint64 }
	var spans []span
	// Zeros written for gaps, at most the section's size (or 64 KiB): many
	// one-byte segments 1 KiB apart must not make the rewrite hundreds of
	// times larger than the module.
	zeros := uint64(max(len(body), 1<<16))
	for _, s := range sorted {
		if len(s.data) == 0 {
			continue
		}
		lo, hi := s.off, s.off+uint64(len(s.data))
		if k := len(spans) - 1; k >= 0 && lo <= spans[k].hi+maxDataGap {
			if gap := lo - min(lo, spans[k].hi); gap <= zeros {
				zeros -= gap
				spans[k].hi = max(spans[k].hi, hi)
				continue
			}
		}
		spans = append(spans, span{lo, hi})
	}
	if len(spans)+len(passive) >= int(n) {
		return body
	}
	size := 5
	for _, sp := range spans {
		size += 4 + 5 + 5 + int(sp.hi-sp.lo)
	}
	for _, p := range passive {
		size += len(p)
	}
	b := make([]byte, 0, size)
	b = append(b, uleb128(uint32(len(spans)+len(passive)))...)
	image := make([][]byte, len(spans)) // where each span's bytes are in b
	for i, sp := range spans {
		b = append(b, 0, 0x41)
		b = append(b, SLEB128(int32(uint32(sp.lo)))...)
		b = append(b, 0x0b)
		b = append(b, uleb128(uint32(sp.hi-sp.lo))...)
		at := len(b)
		b = b[:at+int(sp.hi-sp.lo)] // zero: fresh from make
		image[i] = b[at:]
	}
	// In the original order: where segments overlap, the later one wins,
	// as at instantiation.
	for _, s := range active {
		if len(s.data) == 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(spans, s.off, func(sp span, off uint64) int {
			switch {
			case sp.hi <= off:
				return -1
			case sp.lo > off:
				return 1
			}
			return 0
		})
		copy(image[i][s.off-spans[i].lo:], s.data)
	}
	for _, p := range passive {
		b = append(b, p...)
	}
	return b
}

// uleb128 encodes v as unsigned LEB128, which is Go's uvarint.
func uleb128(v uint32) []byte { return binary.AppendUvarint(nil, uint64(v)) }

// SLEB128 encodes v as signed LEB128 (not Go's varint, which zigzags).
// Exported for the hand-made modules of sandbox's tests.
func SLEB128(v int32) []byte {
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
