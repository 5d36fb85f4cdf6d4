package wf

import "encoding/json"

// NameRecord binds the name Name of the account Owner to one or more
// functions, each taking a share of the name's requests. Its owner signs
// it; the record with the highest Seq for (Owner, Name) is the current
// one, and older ones are the name's history. See docs/names.md; package
// names validates, encodes and signs records.
//
// It is signed as EIP-712 typed data in the WebFunctions domain:
//
//	NameRecord(string name,address owner,uint64 seq,Target[] targets,string sticky,string created)
//	Target(string function,uint8 weight)
type NameRecord struct {
	// Name is a DNS label: a-z, 0-9 and inner '-', 1 to 63 characters.
	Name  string  `json:"name"`
	Owner Address `json:"owner"`
	// Seq orders an owner's records for one name: a higher Seq replaces a
	// lower one.
	Seq uint64 `json:"seq"`
	// Targets are sorted by function CID, no CID twice; their weights sum
	// to 100.
	Targets []Target `json:"targets"`
	// Sticky names the request cookie or header whose value keeps a
	// caller on one target ("cookie:uid", "header:X-User"); empty: each
	// request picks a target at random by weight.
	Sticky string `json:"sticky,omitempty"`
	// Created is RFC 3339 in UTC with second precision, as in a Spec.
	Created string `json:"created"`
}

// Target is one function a name routes to and its share of the requests,
// in percent.
type Target struct {
	Function CID   `json:"function"`
	Weight   uint8 `json:"weight"`
}

// SignedNameRecord is a record and its owner's EIP-712 signature: what
// providers store, serve and pass on. A record moved by a CI job is
// signed by the job's key instead, and CI carries the owner's delegation
// to that key with the job's provenance (the wf.ci extension data of a
// spec; docs/ci.md).
type SignedNameRecord struct {
	Record    NameRecord      `json:"record"`
	Signature Signature       `json:"signature"`
	CI        json.RawMessage `json:"ci,omitempty"`
}

// A *NameRecord is signed by its owner (see NameRecord).
func (*NameRecord) message() {}

// FunctionHeader is on a response to a request for a name: the CID of the
// function the name routed it to. On a request for a name it pins the
// target, which must be one of the name's current targets (a gateway
// sends it with the target it chose).
const FunctionHeader = "X-WF-Function"

// NameRecordHeader carries a signed name record (unpadded base64url of its
// canonical JSON) on a request for the name, so a provider routed to by a
// gateway learns a record it lacks or that is newer than its own.
const NameRecordHeader = "X-WF-Name-Record"

// IsLabel reports whether s is a DNS label as names use them (function
// names, provider names in the registry): a-z, 0-9 and inner '-', 1 to 63
// bytes. The registry contract enforces the same alphabet.
func IsLabel(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
