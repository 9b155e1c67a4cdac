-- The marketing figures (INT-07, `koers.intake.selectors.marketing_figures`) by hand, PostgreSQL.
-- Run by benchmarks/bench_marketing.py (which turns :name into a bound parameter).

-- name: groups
SELECT
    to_char(l.arrived_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM') AS month,
    l.channel,
    COUNT(*) AS leads,
    MAX(l.arrived_at) AS last_arrived,
    COUNT(l.contacted_at) AS contacted,
    COUNT(*) FILTER (WHERE l.contacted_at <= l.arrived_at + interval '24 hours') AS within_24h,
    COUNT(*) FILTER (WHERE l.state IN ('matched', 'client')) AS matched,
    COUNT(v.id) AS vouchers
FROM intake_lead l
LEFT JOIN vouchers_voucher v ON v.trajectory_id = l.trajectory_id
WHERE l.organisation_id = :centre
  AND (CAST(:since AS timestamptz) IS NULL OR l.arrived_at >= :since)
  AND (CAST(:until AS timestamptz) IS NULL OR l.arrived_at < :until)
GROUP BY 1, 2;

-- name: ties
-- Channels with as many leads keep the order of their latest lead (the lead list's order).
SELECT l.channel
FROM intake_lead l
WHERE l.organisation_id = :centre
  AND l.arrived_at = ANY(:lasts)
ORDER BY l.arrived_at DESC, l.id DESC;

-- name: median
-- The one or two middle waits (:skip = (contacted - 1) / 2, :take = 1 or 2).
SELECT l.contacted_at - l.arrived_at AS wait
FROM intake_lead l
WHERE l.organisation_id = :centre
  AND l.contacted_at IS NOT NULL
  AND (CAST(:since AS timestamptz) IS NULL OR l.arrived_at >= :since)
  AND (CAST(:until AS timestamptz) IS NULL OR l.arrived_at < :until)
ORDER BY wait
LIMIT :take OFFSET :skip;
