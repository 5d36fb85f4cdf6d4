package sandbox

// MemoryReuses reports how many linear memories s's pool has handed out
// again, so tests can tell reuse happened.
func MemoryReuses(s *Sandbox) uint64 { return s.mem.reused.Load() }
