-- The 16 KPIs of TRN-13 (`koers.transition.selectors.kpis.kpi_figures_with_baseline`) by hand,
-- SQLite: one statement, every source grouped by month and kind, its rows of the period (p) and
-- of the baseline (b) counted side by side. Run by benchmarks/bench_transition_kpis.py; by hand:
-- sqlite3 benchmarks/bench_transition_kpis.sqlite3, then .param set for each :name below.
--   :org, :coach (NULL: the whole organisation)
--   :p_start, :p_end, :b_start, :b_end          the days, 'YYYY-MM-DD', both included
--   :p_from, :p_until, :b_from, :b_until        the same as UTC instants (local midnight of the
--                                               first day up to the one after the last), as
--                                               Django stores them: 'YYYY-MM-DD HH:MM:SS'
--   :p_earliest, :b_earliest                    the first first day whose checkpoint can fall in
--                                               the period (the selector's `_earliest`)
-- The key is an activity's or employer contact's kind (mapped to its KPI as
-- `rules.kpis.kpi_of_kind` does) or "=" and the KPI. Moments fall in their Brussels month:
-- summer time (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October
-- 01:00 UTC (EU rules since 1996), UTC+1 otherwise. The follow-up calendar is the current rule
-- set's: 2 weeks and 6 calendar months (the 31st becomes the last day of a shorter month).

-- name: kpis
WITH placed AS (
    SELECT p.id, p.first_day,
        date(p.first_day, '+14 days') AS first_due,
        CASE WHEN strftime('%d', date(p.first_day, '+6 months')) = strftime('%d', p.first_day)
             THEN date(p.first_day, '+6 months')
             ELSE date(p.first_day, 'start of month', '+7 months', '-1 day') END AS second_due,
        (SELECT MIN(r.day) FROM transition_followuprecord r
          WHERE r.placement_id = p.id AND r.status = 'stopped') AS stop,
        (SELECT MAX(r.day) FROM transition_followuprecord r
          WHERE r.placement_id = p.id AND r.status IN ('in_work', 'in_ibo')) AS seen
    FROM transition_placement p
    JOIN transition_transitionfile f ON f.id = p.file_id
    JOIN trajectories_trajectory t ON t.id = f.trajectory_id
    WHERE t.organisation_id = :org AND (:coach IS NULL OR t.responsible_id = :coach)
      AND (p.first_day BETWEEN :p_earliest AND :p_end OR p.first_day BETWEEN :b_earliest AND :b_end)
),
moments AS (  -- the PDPs and the coaching: a local month per moment
    SELECT v.created_at AS at, '=pdps' AS key, 1 AS n
    FROM trajectories_planversion v
    JOIN trajectories_plan pl ON pl.id = v.plan_id
    JOIN trajectories_trajectory t ON t.id = pl.trajectory_id
    WHERE t.organisation_id = :org AND (:coach IS NULL OR t.responsible_id = :coach)
      AND v.number = 1 AND pl.kind = 'transition'
      AND (v.created_at >= :p_from AND v.created_at < :p_until
           OR v.created_at >= :b_from AND v.created_at < :b_until)
    UNION ALL
    SELECT c.starts_at, '=coaching_hours', c.duration_minutes
    FROM trajectories_contact c
    JOIN trajectories_trajectory t ON t.id = c.trajectory_id
    WHERE t.organisation_id = :org AND (:coach IS NULL OR t.responsible_id = :coach)
      AND c.outcome = 'held' AND t.programme = 'transition'
      AND (c.starts_at >= :p_from AND c.starts_at < :p_until
           OR c.starts_at >= :b_from AND c.starts_at < :b_until)
)
SELECT substr(a."on", 1, 7) AS month, a.kind AS key,
    COUNT(*) FILTER (WHERE a."on" BETWEEN :p_start AND :p_end) AS p,
    COUNT(*) FILTER (WHERE a."on" BETWEEN :b_start AND :b_end) AS b
FROM transition_activity a
JOIN transition_transitionfile f ON f.id = a.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org AND (:coach IS NULL OR t.responsible_id = :coach)
  AND (a."on" BETWEEN :p_start AND :p_end OR a."on" BETWEEN :b_start AND :b_end)
GROUP BY 1, 2
UNION ALL
SELECT substr(c."on", 1, 7), c.kind,
    COUNT(*) FILTER (WHERE c."on" BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE c."on" BETWEEN :b_start AND :b_end)
FROM transition_employercontact c
JOIN transition_employer e ON e.id = c.employer_id
WHERE e.organisation_id = :org AND (:coach IS NULL OR c.by_id = :coach)
  AND (c."on" BETWEEN :p_start AND :p_end OR c."on" BETWEEN :b_start AND :b_end)
GROUP BY 1, 2
UNION ALL
SELECT substr(s.reported_on, 1, 7), '=assessments',
    COUNT(*) FILTER (WHERE s.reported_on BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE s.reported_on BETWEEN :b_start AND :b_end)
FROM transition_sessioncandidate s
JOIN transition_transitionfile f ON f.id = s.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org AND (:coach IS NULL OR t.responsible_id = :coach)
  AND (s.reported_on BETWEEN :p_start AND :p_end OR s.reported_on BETWEEN :b_start AND :b_end)
GROUP BY 1
UNION ALL
SELECT substr(p.first_day, 1, 7), '=transitions',
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :b_start AND :b_end)
FROM placed p
WHERE p.first_day BETWEEN :p_start AND :p_end OR p.first_day BETWEEN :b_start AND :b_end
GROUP BY 1
UNION ALL
SELECT substr(f.left_for_training_on, 1, 7), '=to_training',
    COUNT(*) FILTER (WHERE f.left_for_training_on BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE f.left_for_training_on BETWEEN :b_start AND :b_end)
FROM transition_transitionfile f
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org AND (:coach IS NULL OR t.responsible_id = :coach)
  AND (f.left_for_training_on BETWEEN :p_start AND :p_end
       OR f.left_for_training_on BETWEEN :b_start AND :b_end)
GROUP BY 1
UNION ALL
SELECT substr(ms.started_on, 1, 7), '=internships',
    COUNT(*) FILTER (WHERE ms.started_on BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE ms.started_on BETWEEN :b_start AND :b_end)
FROM transition_measure ms
JOIN transition_transitionfile f ON f.id = ms.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org AND (:coach IS NULL OR t.responsible_id = :coach)
  AND ms.kind IN ('bvs', 'tbs')
  AND (ms.started_on BETWEEN :p_start AND :p_end OR ms.started_on BETWEEN :b_start AND :b_end)
GROUP BY 1
UNION ALL
SELECT strftime('%Y-%m', x.at,
        CASE WHEN x.at >= date(substr(x.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || ' 01:00:00'
              AND x.at < date(substr(x.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || ' 01:00:00'
             THEN '+2 hours' ELSE '+1 hours' END),
    x.key,
    SUM(x.n) FILTER (WHERE x.at >= :p_from AND x.at < :p_until),
    SUM(x.n) FILTER (WHERE x.at >= :b_from AND x.at < :b_until)
FROM moments x
GROUP BY 1, 2
UNION ALL
SELECT substr(p.first_due, 1, 7), '=in_place_first',
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :p_earliest AND :p_end
                       AND p.first_due BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :b_earliest AND :b_end
                       AND p.first_due BETWEEN :b_start AND :b_end)
FROM placed p
WHERE (p.stop IS NULL OR p.stop > p.first_due) AND p.seen >= p.first_due
  AND (p.first_due BETWEEN :p_start AND :p_end OR p.first_due BETWEEN :b_start AND :b_end)
GROUP BY 1
UNION ALL
SELECT substr(p.second_due, 1, 7), '=in_place_second',
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :p_earliest AND :p_end
                       AND p.second_due BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :b_earliest AND :b_end
                       AND p.second_due BETWEEN :b_start AND :b_end)
FROM placed p
WHERE (p.stop IS NULL OR p.stop > p.second_due) AND p.seen >= p.second_due
  AND (p.second_due BETWEEN :p_start AND :p_end OR p.second_due BETWEEN :b_start AND :b_end)
GROUP BY 1;
