package memstore_test

import (
	"testing"

	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/store/storetest"
	"github.com/webfunctions/wf/wf"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) wf.BlockStore { return memstore.New() })
}
