-- The transition KPIs counted in the database (TRN-13, `koers.transition.selectors.kpis._counted`:
-- every KPI but the two follow-up checkpoints, which the pure rules judge per placement) by hand,
-- SQLite. Run by benchmarks/bench_kpis.py (the raw driver, :name parameters as written). One row
-- per source, kind and month ("YYYY-MM"; a moment's month in Brussels time); the script maps an activity's or employer
-- contact's kind to its KPI with the rules' own table (`kpi_of_kind`), as the selector does.
-- :org the company; `/*coach COLUMN*/` becomes `AND COLUMN = :coach` for one job coach, else
-- nothing (a statement per case, as one writes them: `OR :coach IS NULL` keeps the indexes out);
-- :start/:end the period's days (both included); :start_at/:end_at its first local midnight and
-- the one after its last day.
-- Datetimes are stored as UTC text; Brussels is two hours ahead from March to September and
-- one otherwise (the boundary hours of the last Sundays of March and October aside: no
-- coaching contact or plan starts in them).

-- name: counted
SELECT 'activity' AS source, a.kind, substr(a."on", 1, 7) AS month, COUNT(*) AS n
FROM transition_activity a
JOIN transition_transitionfile f ON f.id = a.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org /*coach t.responsible_id*/
  AND a."on" BETWEEN :start AND :end
GROUP BY a.kind, month
UNION ALL
SELECT 'contact', c.kind, substr(c."on", 1, 7) AS month, COUNT(*)
FROM transition_employercontact c
JOIN transition_employer e ON e.id = c.employer_id
WHERE e.organisation_id = :org /*coach c.by_id*/
  AND c."on" BETWEEN :start AND :end
GROUP BY c.kind, month
UNION ALL
SELECT 'assessments', '', substr(sc.reported_on, 1, 7) AS month, COUNT(*)
FROM transition_sessioncandidate sc
JOIN transition_transitionfile f ON f.id = sc.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org /*coach t.responsible_id*/
  AND sc.reported_on BETWEEN :start AND :end
GROUP BY month
UNION ALL
SELECT 'transitions', '', substr(p.first_day, 1, 7) AS month, COUNT(*)
FROM transition_placement p
JOIN transition_transitionfile f ON f.id = p.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org /*coach t.responsible_id*/
  AND p.first_day BETWEEN :start AND :end
GROUP BY month
UNION ALL
SELECT 'to_training', '', substr(f.left_for_training_on, 1, 7) AS month, COUNT(*)
FROM transition_transitionfile f
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org /*coach t.responsible_id*/
  AND f.left_for_training_on BETWEEN :start AND :end
GROUP BY month
UNION ALL
SELECT 'internships', '', substr(m.started_on, 1, 7) AS month, COUNT(*)
FROM transition_measure m
JOIN transition_transitionfile f ON f.id = m.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org /*coach t.responsible_id*/
  AND m.kind IN ('bvs', 'tbs') AND m.started_on BETWEEN :start AND :end
GROUP BY month
UNION ALL
SELECT 'pdps', '', strftime('%Y-%m', v.created_at, CASE WHEN CAST(substr(v.created_at, 6, 2) AS INTEGER) BETWEEN 3 AND 9 THEN '+2 hours' ELSE '+1 hours' END) AS month, COUNT(*)
FROM trajectories_planversion v
JOIN trajectories_plan pl ON pl.id = v.plan_id
JOIN trajectories_trajectory t ON t.id = pl.trajectory_id
WHERE t.organisation_id = :org /*coach t.responsible_id*/
  AND v.number = 1 AND pl.kind = 'transition'
  AND v.created_at >= :start_at AND v.created_at < :end_at
GROUP BY month
UNION ALL
SELECT 'coaching_hours', '', strftime('%Y-%m', k.starts_at, CASE WHEN CAST(substr(k.starts_at, 6, 2) AS INTEGER) BETWEEN 3 AND 9 THEN '+2 hours' ELSE '+1 hours' END) AS month, SUM(k.duration_minutes)
FROM trajectories_contact k
JOIN trajectories_trajectory t ON t.id = k.trajectory_id
WHERE t.organisation_id = :org /*coach t.responsible_id*/
  AND k.outcome = 'held' AND t.programme = 'transition'
  AND k.starts_at >= :start_at AND k.starts_at < :end_at
GROUP BY month;
