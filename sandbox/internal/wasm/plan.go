package wasm

import (
	"slices"
	"strconv"
)

// Version names what Instrument writes: change it with any change to its
// output, since the sandbox keeps rewritten modules on disk under it
// (TestVersion fails until it changes).
const Version = "r2"

// ReactorExport is the function a reactor exports to serve a request
// (package sandbox): a module that has it and no _start gets its mutable
// globals exported (Instrumented.Globals).
const ReactorExport = "wf_http"

// Names of the exports Instrument adds, if the module does not use them.
const (
	stopExportName  = "wf:stop"
	startExportName = "wf:start"
	// globalExportPrefix and the global's index name a mutable global's export.
	globalExportPrefix = "wf:global:"
)

// tickEvery is how many checks pass between two exits to Go.
const tickEvery = 1024

const pageSize = 65536 // bytes in a wasm page

const maxPages = 65536 // wasm32's 4 GiB

// Instrumented is a module rewritten by Instrument.
type Instrumented struct {
	Wasm        []byte
	StopExport  string // export name of the stop global
	StartExport string // export name of the former start function, or ""
	// MinPages is the defined memory's minimum, exported or not.
	MinPages uint32
	// Globals are, for a reactor, the export names of every mutable global
	// the module defines, the rewrite's own included, in index order: with the
	// memory, they are an instance's whole state when Resettable.
	Globals []string
	// Resettable reports that no instruction changes instance state
	// other than memory and globals (tables, dropped segments), so an
	// instance whose memory and Globals are put back is as it was.
	Resettable bool
	// Instructions is how many instructions were decoded, for tests: a
	// wrong immediate length changes it.
	Instructions int
}

// Instrument returns wasm with the stop checks added (see the package
// doc). Errors say what in the module is malformed or unsupported. A
// reactor (ReactorExport, no _start) is prepared for reuse as by
// InstrumentForReuse.
func Instrument(wasm []byte) (*Instrumented, error) { return instrument(wasm, false) }

// InstrumentForReuse is Instrument, and also prepares every module with a
// memory for instances that are reset and reused: its mutable globals are
// exported (Instrumented.Globals) and its memory size is virtual ($vpages;
// vgrowBody).
func InstrumentForReuse(wasm []byte) (*Instrumented, error) { return instrument(wasm, true) }

func instrument(wasm []byte, reuse bool) (*Instrumented, error) {
	secs, info, err := decodeModule(wasm)
	if err != nil {
		return nil, err
	}
	p := newPlan(info, reuse)
	code, bulk, instructions, err := encodeCode(secs, p)
	if err != nil {
		return nil, err
	}
	// memory.init and data.drop name segments, so those stay as they are.
	merge := info.haveMemory && bulk&usesBulk == 0
	return &Instrumented{
		Wasm:         encodeModule(secs, p, code, merge),
		StopExport:   p.stopExport,
		StartExport:  p.startExport,
		MinPages:     info.memPages,
		Globals:      p.globalExports,
		Resettable:   bulk&usesInstanceState == 0,
		Instructions: instructions,
	}, nil
}

// moduleInfo is what Instrument needs to know of a module's sections,
// recorded by checkSection as it walks them.
type moduleInfo struct {
	importedFuncs, definedFuncs     uint32
	importedGlobals, definedGlobals uint32
	memories                        uint32 // imported and defined
	types                           uint32 // type section entries
	voidType                        int    // index of the first () -> () type, or -1
	exportNames                     []string
	mutableGlobals                  []uint32 // indexes of the defined mutable globals
	memPages                        uint32   // the defined memory's minimum
	haveMemory                      bool
	start                           int // the start function, or -1
}

// indexSpaces is what the module defines and imports itself, before the
// rewrite adds to it: code that names more is rejected.
type indexSpaces struct {
	globals, funcs uint32
	memory         bool
}

// plan is what the rewrite adds to a module, worked out from its
// moduleInfo before anything is written.
type plan struct {
	stopExport    string
	startExport   string   // "" if the module has no start section
	globalExports []string // every defined mutable global's export, in index order
	reactor       bool
	// For a reactor: the calls that replace memory.size and memory.grow,
	// and the functions they call, after $slow.
	sizeCall, growCall []byte
	extraFuncs         [][]byte
	spaces             indexSpaces
	check              []byte // placed at every function entry and loop head
	slow               []byte // $slow's code entry
	// added holds, in section order, the entries appended to sections,
	// or making up those the module lacks.
	added []addition
	// memSize is the defined memory's initial size in bytes, which merged
	// data segments must lie within.
	memSize uint64
}

// addition is entries appended to the section id.
type addition struct {
	id    byte
	items [][]byte
}

// newPlan works out the rewrite's additions. The export names it picks
// are added to info's, so the second cannot take the first.
func newPlan(info *moduleInfo, reuse bool) *plan {
	unused := func(name string) string {
		for i := 0; ; i++ {
			n := name
			if i > 0 {
				n += strconv.Itoa(i)
			}
			if !slices.Contains(info.exportNames, n) {
				info.exportNames = append(info.exportNames, n)
				return n
			}
		}
	}
	funcs := info.importedFuncs + info.definedFuncs
	stopIndex := info.importedGlobals + info.definedGlobals
	tickIndex := stopIndex + 1
	slowIndex := funcs // appended after every function the module has
	p := &plan{
		stopExport: unused(stopExportName),
		spaces:     indexSpaces{globals: stopIndex, funcs: funcs, memory: info.memories > 0},
		check:      checkCode(stopIndex, tickIndex, slowIndex),
		slow:       slowBody(stopIndex, tickIndex),
		memSize:    uint64(info.memPages) * pageSize,
		// A reactor (package sandbox) whose instances are reset to a
		// snapshot: its globals are exported, and its memory size is
		// virtual, so a reset instance need not shrink its memory.
		reactor: (reuse || slices.Contains(info.exportNames, ReactorExport) && !slices.Contains(info.exportNames, "_start")) && info.haveMemory,
	}
	var newTypes [][]byte
	voidType := info.voidType
	if voidType < 0 {
		voidType = int(info.types)
		newTypes = append(newTypes, []byte{0x60, 0x00, 0x00})
	}
	newFuncs := [][]byte{uleb128(uint32(voidType))}
	newGlobals := [][]byte{
		{0x7f, 0x01, 0x41, 0x00, 0x0b},                                            // $stop: mut i32 = 0
		slices.Concat([]byte{0x7f, 0x01, 0x41}, SLEB128(tickEvery), []byte{0x0b}), // $tick: mut i32 = tickEvery
	}
	newExports := [][]byte{exportEntry(p.stopExport, 0x03, stopIndex)}
	var newMemories [][]byte
	if info.memories == 0 {
		// For $slow's memory.grow: 0 pages, at most 0.
		newMemories = append(newMemories, []byte{0x01, 0x00, 0x00})
	}
	if p.reactor {
		// The memory's size as the module sees it ($vpages, from its
		// minimum), and $vsize and $vgrow, which its memory.size and
		// memory.grow become (vgrowBody).
		vpages := tickIndex + 1
		newGlobals = append(newGlobals, slices.Concat([]byte{0x7f, 0x01, 0x41}, SLEB128(int32(info.memPages)), []byte{0x0b}))
		sizeType, growType := uint32(voidType)+1, uint32(voidType)+2
		if len(newTypes) == 0 {
			sizeType, growType = info.types, info.types+1
		}
		newTypes = append(newTypes, []byte{0x60, 0x00, 0x01, 0x7f}, []byte{0x60, 0x01, 0x7f, 0x01, 0x7f})
		newFuncs = append(newFuncs, uleb128(sizeType), uleb128(growType))
		p.extraFuncs = [][]byte{vsizeBody(vpages), vgrowBody(vpages)}
		p.sizeCall = append([]byte{0x10}, uleb128(slowIndex+1)...)
		p.growCall = append([]byte{0x10}, uleb128(slowIndex+2)...)
	}
	// A reactor's every mutable global is exported, so the sandbox can save
	// and restore an instance's state (a snapshot); the module's own
	// exports are left as they are, and a global exported twice is allowed.
	for _, g := range append(slices.Clip(info.mutableGlobals), stopIndex, tickIndex, tickIndex+1) {
		if !p.reactor {
			break
		}
		name := p.stopExport
		if g != stopIndex {
			name = unused(globalExportPrefix + strconv.Itoa(int(g)))
			newExports = append(newExports, exportEntry(name, 0x03, g))
		}
		p.globalExports = append(p.globalExports, name)
	}
	if info.start >= 0 {
		p.startExport = unused(startExportName)
		newExports = append(newExports, exportEntry(p.startExport, 0x00, uint32(info.start)))
	}
	p.added = []addition{
		{idType, newTypes}, {idFunction, newFuncs}, {idMemory, newMemories}, {idGlobal, newGlobals}, {idExport, newExports},
	}
	return p
}
