package project

import (
	"reflect"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// lineIndex maps dotted keys to where they are set.
type lineIndex map[string]keyAt

type keyAt struct {
	line int
	kind unstable.Kind // of the value; Table for a [table] header
}

// of returns key's line, else its closest parent's, else 0.
func (l lineIndex) of(key string) int {
	for {
		if k, ok := l[key]; ok {
			return k.line
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return 0
		}
		key = key[:i]
	}
}

// inline returns the full path of key reported at line: go-toml reports a
// key inside an inline table (limits = { memroy = 1 }) without the table.
func (l lineIndex) inline(line int, key []string) []string {
	suffix := "." + strings.Join(key, ".")
	for k, at := range l {
		if at.line == line && strings.HasSuffix(k, suffix) {
			return strings.Split(k, ".")
		}
	}
	return key
}

// keyLines indexes where each key of a document is set. It runs after
// the document decoded, so it is well-formed; a parse error ends the
// index early, which only costs line numbers.
func keyLines(data []byte) lineIndex {
	idx := lineIndex{}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyOf(e)
			idx.set(&p, table, e)
		case unstable.KeyValue:
			idx.keyValue(&p, table, e)
		}
	}
	return idx
}

func (l lineIndex) keyValue(p *unstable.Parser, prefix []string, kv *unstable.Node) {
	key := append(append([]string(nil), prefix...), keyOf(kv)...)
	l.set(p, key, kv)
	if v := kv.Value(); v.Kind == unstable.InlineTable {
		it := v.Children()
		for it.Next() {
			l.keyValue(p, key, it.Node())
		}
	}
}

func (l lineIndex) set(p *unstable.Parser, key []string, n *unstable.Node) {
	k := strings.Join(key, ".")
	if _, ok := l[k]; ok {
		return
	}
	kind := n.Kind
	if kind == unstable.KeyValue {
		kind = n.Value().Kind
	}
	it := n.Key()
	if it.Next() && it.Node().Raw.Length > 0 {
		l[k] = keyAt{p.Shape(it.Node().Raw).Start.Line, kind}
	}
}

func keyOf(n *unstable.Node) []string {
	var key []string
	it := n.Key()
	for it.Next() {
		key = append(key, string(it.Node().Data))
	}
	return key
}

// knownKeys are File's dotted keys, from its toml tags; durationKeys
// those of its Durations and Rates (strings go-toml hands an integer to
// without saying where).
var knownKeys, durationKeys = func() (keys, durations []string) {
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			keys = append(keys, prefix+name)
			if f.Type == reflect.TypeFor[Duration]() || f.Type == reflect.TypeFor[Rate]() {
				durations = append(durations, prefix+name)
			} else if f.Type.Kind() == reflect.Struct {
				walk(f.Type, prefix+name+".")
			}
		}
	}
	walk(reflect.TypeFor[File](), "")
	return keys, durations
}()

// suggest returns the known key an unknown one was likely meant to be: a
// near spelling in the same table, else the same name in another table
// (moved: a key written below a [table] header belongs to that table).
func suggest(key []string) (hint string, moved bool) {
	parent := strings.Join(key[:len(key)-1], ".")
	last := key[len(key)-1]
	bestD := 3
	for _, k := range knownKeys {
		kp, kl := "", k
		if i := strings.LastIndexByte(k, '.'); i >= 0 {
			kp, kl = k[:i], k[i+1:]
		}
		if kp == parent {
			if d := distance(last, kl); d < bestD && d <= len(kl)/2 {
				hint, moved, bestD = k, false, d
			}
		} else if kl == last && hint == "" {
			hint, moved = k, true
		}
	}
	return hint, moved
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
