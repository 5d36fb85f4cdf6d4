package provider

import (
	"fmt"
	"time"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Defaults of Config.CPUTime and Config.MaxCPUTime.
const (
	DefaultCPUTime    = 10 * time.Second
	DefaultMaxCPUTime = 30 * time.Second
)

// limitDefaults fills in and checks c's CPU budget and answer deadline.
func (c *Config) limitDefaults() error {
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = DefaultWriteTimeout
	}
	if c.MaxCPUTime == 0 {
		c.MaxCPUTime = DefaultMaxCPUTime
	}
	if c.CPUTime == 0 {
		c.CPUTime = min(DefaultCPUTime, c.MaxCPUTime)
	}
	if c.CPUTime < 0 || c.MaxCPUTime < 0 || c.CPUTime > c.MaxCPUTime {
		return fmt.Errorf("provider: CPUTime %v must be within 0 and MaxCPUTime %v", c.CPUTime, c.MaxCPUTime)
	}
	return nil
}

// cpuBudget is the CPU time one request of the function with spec s may
// use: the owner's (extension wf.cpu), capped at MaxCPUTime, else the
// provider's default.
func (p *Provider) cpuBudget(s *wf.Spec) time.Duration {
	if b, ok := spec.CPUBudget(s); ok {
		return min(b, p.cfg.MaxCPUTime)
	}
	return min(p.cfg.CPUTime, p.cfg.MaxCPUTime)
}
