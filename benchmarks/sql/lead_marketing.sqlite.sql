-- The marketing figures (INT-07, `koers.intake.selectors.marketing_figures`) by hand, SQLite.
-- Run by benchmarks/bench_marketing.py; by hand: sqlite3 benchmarks/bench_marketing.sqlite3, then
-- .param set :centre 1  .param set :since NULL  .param set :until NULL  (and :lasts, :skip, :take)
-- Datetimes are stored as UTC text 'YYYY-MM-DD HH:MM:SS[.ffffff]'. The month is Brussels time:
-- the last hours of a UTC month belong to the next month, two hours at the end of March to
-- September (summer time, EU rules since 1996), one hour otherwise.

-- name: groups
SELECT
    strftime('%Y-%m', l.arrived_at,
        CASE WHEN CAST(substr(l.arrived_at, 6, 2) AS INTEGER) BETWEEN 3 AND 9
             THEN '+2 hours' ELSE '+1 hours' END) AS month,
    l.channel,
    COUNT(*) AS leads,
    MAX(l.arrived_at) AS last_arrived,
    COUNT(l.contacted_at) AS contacted,
    COUNT(*) FILTER (WHERE l.contacted_at <= datetime(l.arrived_at, '+1 day')
                                             || substr(l.arrived_at, 20)) AS within_24h,
    COUNT(*) FILTER (WHERE l.state IN ('matched', 'client')) AS matched,
    COUNT(v.id) AS vouchers
FROM intake_lead l
LEFT JOIN vouchers_voucher v ON v.trajectory_id = l.trajectory_id
WHERE l.organisation_id = :centre
  AND (:since IS NULL OR l.arrived_at >= :since)
  AND (:until IS NULL OR l.arrived_at < :until)
GROUP BY month, l.channel;

-- name: ties
-- Channels with as many leads keep the order of their latest lead (the lead list's order).
SELECT l.channel
FROM intake_lead l
WHERE l.organisation_id = :centre
  AND l.arrived_at IN (SELECT value FROM json_each(:lasts))
ORDER BY l.arrived_at DESC, l.id DESC;

-- name: median
-- The one or two middle waits in microseconds (:skip = (contacted - 1) / 2, :take = 1 or 2).
SELECT (unixepoch(l.contacted_at) - unixepoch(l.arrived_at)) * 1000000
       + CAST(substr(l.contacted_at || '.000000', 21, 6) AS INTEGER)
       - CAST(substr(l.arrived_at || '.000000', 21, 6) AS INTEGER) AS wait
FROM intake_lead l
WHERE l.organisation_id = :centre
  AND l.contacted_at IS NOT NULL
  AND (:since IS NULL OR l.arrived_at >= :since)
  AND (:until IS NULL OR l.arrived_at < :until)
ORDER BY wait
LIMIT :take OFFSET :skip;
