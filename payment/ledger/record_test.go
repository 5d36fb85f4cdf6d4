package ledger

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestRecordsKeepTheirBytes decodes every record of the golden data dirs
// into the ledger's types and encodes it again: the bytes must be the
// ones on disk, so a change to the types cannot change the format
// unnoticed. testdata/v1.db was written before transactions could be
// replaced; testdata/v2.db (accounts with earned and next vouchers, a
// settled batch with a replaced transaction, one in flight with its
// replacement, an aborted caller batch with its voucher, an opened
// account, and charges with vouchers only in the log) by the ledger that
// stored chain.SignedVoucher, chain.SignedTx and chain.Hash itself.
func TestRecordsKeepTheirBytes(t *testing.T) {
	for _, tc := range []struct {
		name                      string
		accounts, batches, logged int
	}{
		{"v1", 2, 2, 3},
		{"v2", 3, 3, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := bolt.Open(filepath.Join("testdata", tc.name+".db"), 0, &bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var accounts, batches int
			err = db.View(func(tx *bolt.Tx) error {
				accounts = roundTrip[Account](t, tx.Bucket(bucketAccounts))
				batches = roundTrip[Batch](t, tx.Bucket(bucketBatches))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join("testdata", tc.name+".db.wal"))
			if err != nil {
				t.Fatal(err)
			}
			var logged int
			for off := 0; off+8 <= len(b); logged++ {
				n := int(binary.BigEndian.Uint32(b[off:]))
				if n == 0 {
					break
				}
				p := b[off+8 : off+8+n]
				if crc32.Checksum(p, castagnoli) != binary.BigEndian.Uint32(b[off+4:]) {
					t.Fatalf("log frame at %d: bad checksum", off)
				}
				same[walRecord](t, p)
				off += 8 + n
			}
			if accounts != tc.accounts || batches != tc.batches || logged != tc.logged {
				t.Errorf("%d accounts, %d batches, %d charges logged; want %d, %d, %d", accounts, batches, logged, tc.accounts, tc.batches, tc.logged)
			}
		})
	}
}

// roundTrip checks every value of bucket with same and counts them.
func roundTrip[T any](t *testing.T, bucket *bolt.Bucket) int {
	t.Helper()
	n := 0
	bucket.ForEach(func(k, v []byte) error {
		same[T](t, v)
		n++
		return nil
	})
	return n
}

// same decodes stored into a T and checks that it encodes to stored again.
func same[T any](t *testing.T, stored []byte) {
	t.Helper()
	var r T
	if err := json.Unmarshal(stored, &r); err != nil {
		t.Fatalf("%s: %v", stored, err)
	}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, stored) {
		t.Errorf("%T changed its encoding:\n got %s\nwant %s", r, got, stored)
	}
}
