package payment

import "github.com/webfunctions/wf/chain"

// SetAfterRecord makes m call f after recording each settlement
// transaction and before sending it; an error from f stops the send, as a
// process that dies in between.
func SetAfterRecord(m *Meter, f func(batch uint64, tx chain.SignedTx) error) { m.afterRecord = f }

// SessionWindows is how many sessions' replay windows m keeps in memory.
func SessionWindows(m *Meter) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.sessions)
}

// KeyedSessions is how many keyed sessions m holds.
func KeyedSessions(m *Meter) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.keyed)
}

// ForgetKeyed drops every keyed session's key, as a restart does.
func ForgetKeyed(m *Meter) {
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.keyed)
}
