package chain

import (
	"math/big"
	"testing"
)

func TestBumpFees(t *testing.T) {
	dyn := func(tip, feeCap int64) fees { return fees{tip: big.NewInt(tip), feeCap: big.NewInt(feeCap)} }
	legacy := func(price int64) fees { return fees{legacy: true, feeCap: big.NewInt(price)} }
	for _, tc := range []struct {
		name       string
		old, fresh fees
		max        int64
		want       fees
		ok         bool
	}{
		{"12.5% more", dyn(1000, 10_000), dyn(900, 9000), 1e18, dyn(1125, 11_250), true},
		{"rounded up", dyn(9, 17), dyn(1, 1), 1e18, dyn(11, 20), true},
		{"fresh fees when higher", dyn(1000, 10_000), dyn(2000, 30_000), 1e18, dyn(2000, 30_000), true},
		{"fresh tip, bumped cap", dyn(1000, 10_000), dyn(5000, 9000), 1e18, dyn(5000, 11_250), true},
		{"a zero tip goes up by 1 wei", dyn(0, 100), dyn(0, 100), 1e18, dyn(1, 113), true},
		{"one wei", dyn(1, 1), dyn(1, 1), 1e18, dyn(2, 2), true},
		{"tip above the cap lifts the cap", dyn(100, 100), dyn(500, 300), 1e18, dyn(500, 500), true},
		{"capped, still 10% more", dyn(1000, 10_000), dyn(1, 1), 11_000, dyn(1125, 11_000), true},
		{"capped below 10% more", dyn(1000, 10_000), dyn(1, 1), 10_999, dyn(1125, 10_999), false},
		{"at the cap", dyn(1000, 10_000), dyn(1, 1), 10_000, dyn(1125, 10_000), false},
		{"cap limits the tip too", dyn(1000, 1000), dyn(1, 1), 1050, dyn(1050, 1050), false},
		{"legacy", legacy(1000), legacy(900), 1e18, legacy(1125), true},
		{"legacy, fresh price", legacy(1000), legacy(4000), 1e18, legacy(4000), true},
		{"legacy capped", legacy(1000), legacy(4000), 1050, legacy(1050), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := bumpFees(tc.old, tc.fresh, big.NewInt(tc.max))
			if ok != tc.ok || got.legacy != tc.want.legacy || got.feeCap.Cmp(tc.want.feeCap) != 0 ||
				(tc.want.tip != nil && (got.tip == nil || got.tip.Cmp(tc.want.tip) != 0)) {
				t.Errorf("bumpFees = %+v %v, want %+v %v", got, ok, tc.want, tc.ok)
			}
			if ok && (got.feeCap.Cmp(tc.old.feeCap) <= 0 || (!got.legacy && got.tip.Cmp(tc.old.tip) <= 0)) {
				t.Errorf("a replacement that does not pay more: %+v", got)
			}
		})
	}
}
