package spec

import (
	"encoding/json"
	"fmt"

	"github.com/webfunctions/wf/wf"
)

// JSExtension marks a JavaScript function (docs/js.md): its code is a
// bundled Workers-style ES module, and Engine names the JavaScript engine,
// a WAGI module, that runs it. Required: a node that ignored it would try
// to run the script as WebAssembly.
const JSExtension = "wf.js"

// JS is the data of JSExtension: {"engine":"<CID>"}.
type JS struct {
	// Engine is the engine module's UnixFS CID (as `wf pack` computes
	// it); a provider runs the engines it lists in /v1/info jsEngines.
	Engine wf.CID `json:"engine"`
}

func checkJS(data json.RawMessage) error {
	var j JS
	if err := DecodeExtension(data, &j); err != nil {
		return err
	}
	if c := j.Engine; !c.Defined() || c.Version() != 1 || (c.Codec() != wf.CodecRaw && c.Codec() != wf.CodecDagPB) {
		return fmt.Errorf("%w: engine must be a CIDv1 of a UnixFS file (dag-pb or raw)", wf.ErrInvalid)
	}
	return nil
}

// JSType is wf.js for a node's Registry.
var JSType = ExtensionType{Name: JSExtension, Check: checkJS}

// JSEngine returns the engine a JavaScript function names, and false for
// any other function. s must have passed Admit with a registry holding
// JSType.
func JSEngine(s *wf.Spec) (wf.CID, bool) {
	x, ok := s.Extensions[JSExtension]
	if !ok {
		return wf.CID{}, false
	}
	var j JS
	if DecodeExtension(x.Data, &j) != nil {
		return wf.CID{}, false
	}
	return j.Engine, true
}

// JSExtensionFor returns the wf.js extension naming engine, marked
// required.
func JSExtensionFor(engine wf.CID) (wf.Extension, error) {
	b, err := wf.EncodeJSON(JS{Engine: engine})
	if err != nil {
		return wf.Extension{}, err
	}
	return wf.Extension{Required: true, Data: b}, nil
}
