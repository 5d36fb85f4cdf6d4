package rewards

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// AttestationScorer scores a provider by its auditors' attestations
// (chain.Attestations): the best score a trusted auditor gave, under
// Schema, to a registry name the provider owns, that still holds at At
// (not revoked or expired, and made about the provider as the name's
// owner). A provider nobody trusted attested scores 0.
//
// The manifest is not compared: an epoch rewards the service given while
// the attestation held, whatever manifest is current now.
type AttestationScorer struct {
	Registry     *chain.Client // lists the registry's names
	Attestations *chain.Attestations
	Auditors     []wf.Address
	Schema       [32]byte
	At           time.Time // usually the epoch's end

	once  sync.Once
	names map[wf.Address][]string
	err   error
}

// Score implements Scorer.
func (s *AttestationScorer) Score(ctx context.Context, provider wf.Address) (uint16, error) {
	s.once.Do(func() {
		ps, err := s.Registry.ListProviders(ctx)
		if err != nil {
			s.err = err
			return
		}
		s.names = map[wf.Address][]string{}
		for _, p := range ps {
			s.names[p.Owner] = append(s.names[p.Owner], p.Name)
		}
	})
	if s.err != nil {
		return 0, s.err
	}
	var best uint16
	for _, name := range s.names[provider] {
		for _, au := range s.Auditors {
			a, err := s.Attestations.Latest(ctx, au, name, s.Schema)
			if errors.Is(err, wf.ErrNotFound) {
				continue // none by this auditor
			}
			if err != nil {
				return 0, err
			}
			if !a.Revoked && s.At.Before(a.ExpiresAt) && a.Owner == provider && a.Score > best {
				best = a.Score
			}
		}
	}
	return best, nil
}
