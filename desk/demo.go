package desk

import (
	"context"

	"nianbao/demo"
)

// LoadDemo writes the demo organ's 2019 and 2021 reports and, when bulk is
// above 0, a second demo organ with bulk requests spread over several
// years (seed makes them repeatable).
func (s *Store) LoadDemo(ctx context.Context, bulk int, seed uint64) error {
	if err := demo.Load(ctx, s.Store); err != nil {
		return err
	}
	if bulk > 0 {
		return demo.LoadBulk(ctx, s.Store, bulk, seed)
	}
	return nil
}

// Names of the demo data.
const (
	DemoOrganName     = demo.OrganName
	DemoBulkOrganName = demo.BulkOrganName
	DemoBulkFirstYear = demo.BulkFirstYear
	DemoBulkLastYear  = demo.BulkLastYear
)

// IsDemoOrgan tells whether an organ name is one of the demo organs.
func IsDemoOrgan(name string) bool { return demo.IsDemoOrgan(name) }
