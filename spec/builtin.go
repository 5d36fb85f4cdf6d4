package spec

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/webfunctions/wf/wf"
)

// The project's own extensions (docs/spec.md, "Extensions defined so
// far"). Every node understands them.
const (
	// CPUExtension is the owner's CPU-time budget per request.
	CPUExtension = "wf.cpu"
)

// CPU is the data of CPUExtension: {"budgetMs":N}. A provider caps it at
// its own maximum (/v1/info maxCpuTimeMs). It only informs unless the
// owner marks it required: a node that does not know it runs the function
// with its default budget, which affects only the function itself.
type CPU struct {
	BudgetMS int64 `json:"budgetMs"`
}

// maxCPUBudget bounds what a spec may ask for; providers cap it lower.
const maxCPUBudget = time.Hour

func checkCPU(data json.RawMessage) error {
	var c CPU
	if err := DecodeExtension(data, &c); err != nil {
		return err
	}
	if c.BudgetMS <= 0 || time.Duration(c.BudgetMS)*time.Millisecond > maxCPUBudget {
		return fmt.Errorf("%w: budgetMs %d must be between 1 and %d", wf.ErrInvalid, c.BudgetMS, maxCPUBudget.Milliseconds())
	}
	return nil
}

// CPUBudget returns the CPU budget s asks for, and false when it asks for
// none. s must have passed Admit with a registry holding Builtin's types.
func CPUBudget(s *wf.Spec) (time.Duration, bool) {
	x, ok := s.Extensions[CPUExtension]
	if !ok {
		return 0, false
	}
	var c CPU
	if DecodeExtension(x.Data, &c) != nil {
		return 0, false
	}
	return time.Duration(c.BudgetMS) * time.Millisecond, true
}

// Builtin returns the project's own extension types, which a node
// understands unless configured otherwise.
func Builtin() []ExtensionType {
	return []ExtensionType{
		{Name: CPUExtension, Check: checkCPU},
		CallersType,
		CIType,
		CICallersType,
		PlacementType,
		DeterministicType,
		JSType,
	}
}

// WithBuiltin returns a registry of the project's own extensions and
// types (a name given twice panics, as in NewRegistry).
func WithBuiltin(types ...ExtensionType) Registry {
	return NewRegistry(append(Builtin(), types...)...)
}
