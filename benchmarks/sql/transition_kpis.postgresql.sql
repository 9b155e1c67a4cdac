-- The 16 KPIs of TRN-13 (`koers.transition.selectors.kpis.kpi_figures_with_baseline`) by hand,
-- PostgreSQL: one statement, every source grouped by month and kind, its rows of the period (p)
-- and of the baseline (b) counted side by side. Run by benchmarks/bench_transition_kpis.py
-- (which turns :name into a bound parameter); the parameters are those of
-- transition_kpis.sqlite.sql, the instants as timestamptz. Moments fall in their Brussels month
-- (AT TIME ZONE); the follow-up calendar is the current rule set's: 2 weeks and 6 calendar
-- months (PostgreSQL's date + interval makes the 31st the last day of a shorter month).

-- name: kpis
WITH placed AS (
    SELECT p.id, p.first_day,
        p.first_day + 14 AS first_due,
        CAST(p.first_day + interval '6 months' AS date) AS second_due,
        (SELECT MIN(r.day) FROM transition_followuprecord r
          WHERE r.placement_id = p.id AND r.status = 'stopped') AS stop,
        (SELECT MAX(r.day) FROM transition_followuprecord r
          WHERE r.placement_id = p.id AND r.status IN ('in_work', 'in_ibo')) AS seen
    FROM transition_placement p
    JOIN transition_transitionfile f ON f.id = p.file_id
    JOIN trajectories_trajectory t ON t.id = f.trajectory_id
    WHERE t.organisation_id = :org AND (CAST(:coach AS integer) IS NULL OR t.responsible_id = :coach)
      AND (p.first_day BETWEEN :p_earliest AND :p_end OR p.first_day BETWEEN :b_earliest AND :b_end)
),
moments AS (  -- the PDPs and the coaching: a local month per moment
    SELECT v.created_at AS at, CAST('=pdps' AS text) AS key, 1 AS n
    FROM trajectories_planversion v
    JOIN trajectories_plan pl ON pl.id = v.plan_id
    JOIN trajectories_trajectory t ON t.id = pl.trajectory_id
    WHERE t.organisation_id = :org AND (CAST(:coach AS integer) IS NULL OR t.responsible_id = :coach)
      AND v.number = 1 AND pl.kind = 'transition'
      AND (v.created_at >= :p_from AND v.created_at < :p_until
           OR v.created_at >= :b_from AND v.created_at < :b_until)
    UNION ALL
    SELECT c.starts_at, '=coaching_hours', c.duration_minutes
    FROM trajectories_contact c
    JOIN trajectories_trajectory t ON t.id = c.trajectory_id
    WHERE t.organisation_id = :org AND (CAST(:coach AS integer) IS NULL OR t.responsible_id = :coach)
      AND c.outcome = 'held' AND t.programme = 'transition'
      AND (c.starts_at >= :p_from AND c.starts_at < :p_until
           OR c.starts_at >= :b_from AND c.starts_at < :b_until)
)
SELECT to_char(a."on", 'YYYY-MM') AS month, CAST(a.kind AS text) AS key,
    COUNT(*) FILTER (WHERE a."on" BETWEEN :p_start AND :p_end) AS p,
    COUNT(*) FILTER (WHERE a."on" BETWEEN :b_start AND :b_end) AS b
FROM transition_activity a
JOIN transition_transitionfile f ON f.id = a.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org AND (CAST(:coach AS integer) IS NULL OR t.responsible_id = :coach)
  AND (a."on" BETWEEN :p_start AND :p_end OR a."on" BETWEEN :b_start AND :b_end)
GROUP BY 1, 2
UNION ALL
SELECT to_char(c."on", 'YYYY-MM'), c.kind,
    COUNT(*) FILTER (WHERE c."on" BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE c."on" BETWEEN :b_start AND :b_end)
FROM transition_employercontact c
JOIN transition_employer e ON e.id = c.employer_id
WHERE e.organisation_id = :org AND (CAST(:coach AS integer) IS NULL OR c.by_id = :coach)
  AND (c."on" BETWEEN :p_start AND :p_end OR c."on" BETWEEN :b_start AND :b_end)
GROUP BY 1, 2
UNION ALL
SELECT to_char(s.reported_on, 'YYYY-MM'), '=assessments',
    COUNT(*) FILTER (WHERE s.reported_on BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE s.reported_on BETWEEN :b_start AND :b_end)
FROM transition_sessioncandidate s
JOIN transition_transitionfile f ON f.id = s.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org AND (CAST(:coach AS integer) IS NULL OR t.responsible_id = :coach)
  AND (s.reported_on BETWEEN :p_start AND :p_end OR s.reported_on BETWEEN :b_start AND :b_end)
GROUP BY 1
UNION ALL
SELECT to_char(p.first_day, 'YYYY-MM'), '=transitions',
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :b_start AND :b_end)
FROM placed p
WHERE p.first_day BETWEEN :p_start AND :p_end OR p.first_day BETWEEN :b_start AND :b_end
GROUP BY 1
UNION ALL
SELECT to_char(f.left_for_training_on, 'YYYY-MM'), '=to_training',
    COUNT(*) FILTER (WHERE f.left_for_training_on BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE f.left_for_training_on BETWEEN :b_start AND :b_end)
FROM transition_transitionfile f
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org AND (CAST(:coach AS integer) IS NULL OR t.responsible_id = :coach)
  AND (f.left_for_training_on BETWEEN :p_start AND :p_end
       OR f.left_for_training_on BETWEEN :b_start AND :b_end)
GROUP BY 1
UNION ALL
SELECT to_char(ms.started_on, 'YYYY-MM'), '=internships',
    COUNT(*) FILTER (WHERE ms.started_on BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE ms.started_on BETWEEN :b_start AND :b_end)
FROM transition_measure ms
JOIN transition_transitionfile f ON f.id = ms.file_id
JOIN trajectories_trajectory t ON t.id = f.trajectory_id
WHERE t.organisation_id = :org AND (CAST(:coach AS integer) IS NULL OR t.responsible_id = :coach)
  AND ms.kind IN ('bvs', 'tbs')
  AND (ms.started_on BETWEEN :p_start AND :p_end OR ms.started_on BETWEEN :b_start AND :b_end)
GROUP BY 1
UNION ALL
SELECT to_char(x.at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM'),
    x.key,
    SUM(x.n) FILTER (WHERE x.at >= :p_from AND x.at < :p_until),
    SUM(x.n) FILTER (WHERE x.at >= :b_from AND x.at < :b_until)
FROM moments x
GROUP BY 1, 2
UNION ALL
SELECT to_char(p.first_due, 'YYYY-MM'), '=in_place_first',
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :p_earliest AND :p_end
                       AND p.first_due BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :b_earliest AND :b_end
                       AND p.first_due BETWEEN :b_start AND :b_end)
FROM placed p
WHERE (p.stop IS NULL OR p.stop > p.first_due) AND p.seen >= p.first_due
  AND (p.first_due BETWEEN :p_start AND :p_end OR p.first_due BETWEEN :b_start AND :b_end)
GROUP BY 1
UNION ALL
SELECT to_char(p.second_due, 'YYYY-MM'), '=in_place_second',
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :p_earliest AND :p_end
                       AND p.second_due BETWEEN :p_start AND :p_end),
    COUNT(*) FILTER (WHERE p.first_day BETWEEN :b_earliest AND :b_end
                       AND p.second_due BETWEEN :b_start AND :b_end)
FROM placed p
WHERE (p.stop IS NULL OR p.stop > p.second_due) AND p.seen >= p.second_due
  AND (p.second_due BETWEEN :p_start AND :p_end OR p.second_due BETWEEN :b_start AND :b_end)
GROUP BY 1;
