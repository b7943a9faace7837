package studiemiddag

import "context"

func runDashboard(ctx context.Context, s *server, info roomInfo) error {
	return runLog(ctx, s, info)
}
