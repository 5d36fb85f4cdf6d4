package wf_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wf"
)

func TestParseUSDC(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // base units; "" = an error
	}{
		{"whole", "12", "12000000"},
		{"fraction", "12.5", "12500000"},
		{"smallest", "0.000001", "1"},
		{"all decimals", "1.234567", "1234567"},
		{"zero", "0", "0"},
		{"leading zeros", "007.5", "7500000"},
		{"too precise", "0.0000001", ""},
		{"sign", "-1", ""},
		{"plus", "+1", ""},
		{"exponent", "1e6", ""},
		{"comma", "1,5", ""},
		{"hex", "0x10", ""},
		{"no whole part", ".5", ""},
		{"empty fraction", "5.", ""},
		{"space", " 5", ""},
		{"NaN", "NaN", ""},
		{"empty", "", ""},
		{"too large", strings.Repeat("9", 61), ""},
		{"largest", strings.Repeat("9", 60), strings.Repeat("9", 60) + "000000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := wf.ParseUSDC(tc.in)
			if tc.want == "" {
				if !errors.Is(err, wf.ErrInvalid) {
					t.Fatalf("ParseUSDC(%q) = %v, %v; want ErrInvalid", tc.in, got, err)
				}
				return
			}
			if err != nil || got.String() != tc.want {
				t.Fatalf("ParseUSDC(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
			}
		})
	}
	_, err := wf.ParseUSDC("0.0000001")
	if err == nil || err.Error() != `amount "0.0000001": USDC has 6 decimals, not 7` {
		t.Errorf("error text %q", err)
	}
}

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" = an error
	}{
		{"500", "500000000000"},
		{"1.5", "1500000000"},
		{"0.000000001", "1"},
		{"0.0000000001", ""},
		{"-1", ""},
		{"1e9", ""},
		{"1.", ""},
		{"", ""},
	} {
		got, err := wf.ParseDecimal(tc.in, 9, "gwei")
		if tc.want == "" {
			if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), "gwei") {
				t.Errorf("ParseDecimal(%q, 9, gwei) = %v, %v; want an error naming gwei", tc.in, got, err)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("ParseDecimal(%q, 9, gwei) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

func TestAmountUSDC(t *testing.T) {
	for _, tc := range []struct {
		base int64
		want string
	}{
		{0, "0.000000"},
		{1, "0.000001"},
		{100, "0.000100"},
		{12_500_000, "12.500000"},
		{1_000_000_000_000, "1000000.000000"},
		{-1_500_000, "-1.500000"},
	} {
		a := wf.NewAmount(big.NewInt(tc.base))
		if got := a.USDC(); got != tc.want {
			t.Errorf("%d base units = %s USDC, want %s", tc.base, got, tc.want)
		}
		if tc.base < 0 {
			continue
		}
		if back, err := wf.ParseUSDC(a.USDC()); err != nil || back.Cmp(a) != 0 {
			t.Errorf("ParseUSDC(%s) = %v, %v; want %d", a.USDC(), back, err, tc.base)
		}
	}
	var zero wf.Amount
	if zero.Sign() != 0 || zero.String() != "0" || zero.USDC() != "0.000000" || zero.Big().Sign() != 0 {
		t.Error("the zero Amount is not 0")
	}
	if wf.NewAmount(nil).Cmp(zero) != 0 {
		t.Error("NewAmount(nil) is not 0")
	}
}

func TestAmountIsImmutable(t *testing.T) {
	x := big.NewInt(5)
	a := wf.NewAmount(x)
	x.SetInt64(6)
	a.Big().SetInt64(7)
	if a.String() != "5" {
		t.Fatalf("Amount changed with its source or its Big: %s", a)
	}
}

func TestParseAmount(t *testing.T) {
	max256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)).String()
	for _, tc := range []struct {
		name, in string
		ok       bool
	}{
		{"zero", "0", true},
		{"price", "100", true},
		{"max uint256", max256, true},
		{"78 digits", strings.Repeat("9", 78), true},
		{"79 digits", strings.Repeat("9", 79), false},
		{"leading zero", "0100", false},
		{"plus", "+100", false},
		{"minus", "-5", false},
		{"decimal point", "1.5", false},
		{"space", "1 ", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := wf.ParseAmount(tc.in)
			if tc.ok != (err == nil) || tc.ok && a.String() != tc.in {
				t.Fatalf("ParseAmount(%q) = %v, %v", tc.in, a, err)
			}
			if !tc.ok && !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
		})
	}
	var v struct{ A wf.Amount }
	if err := json.Unmarshal([]byte(`{"A":"1500000"}`), &v); err != nil || v.A.USDC() != "1.500000" {
		t.Fatalf("JSON: %v, %v", v.A, err)
	}
	if err := json.Unmarshal([]byte(`{"A":"01"}`), &v); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("JSON with a leading zero: %v", err)
	}
	if b, _ := json.Marshal(v); string(b) != `{"A":"1500000"}` {
		t.Fatalf("JSON %s", b)
	}
}
