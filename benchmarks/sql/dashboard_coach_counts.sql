-- The staff dashboard's open trajectories per coach (`koers.workplace.selectors._coaches`) by hand,
-- SQLite and PostgreSQL alike. Run by benchmarks/bench_dashboard_counts.py, which fills in the
-- parameters in this order: the two open statuses ('planned', 'active'), the centre's id, now,
-- the guiding roles ({roles}: one placeholder each), the centre's id again.
-- The guides of the centre (active, an active guiding membership there), by name, the first 50,
-- each with their open trajectories the centre's staff may see (those of the centre whose access
-- has not ended).
SELECT u.id, u.username, u.first_name, u.last_name, COALESCE(t.n, 0)
FROM core_user u
LEFT JOIN (
    SELECT responsible_id, COUNT(*) AS n
    FROM trajectories_trajectory
    WHERE status IN (%s, %s) AND organisation_id = %s
      AND (access_until IS NULL OR access_until > %s)
    GROUP BY responsible_id
) t ON t.responsible_id = u.id
WHERE u.is_active AND u.id IN (
    SELECT user_id FROM core_membership
    WHERE is_active AND role IN ({roles}) AND organisation_id = %s
)
ORDER BY u.first_name, u.last_name, u.id
LIMIT 50
