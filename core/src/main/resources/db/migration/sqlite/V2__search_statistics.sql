-- PostgreSQL gets extended statistics on (key, value) in V2; SQLite's planner keeps the join order
-- the search SQL gives it (CROSS JOIN), so it needs none. The version stays in step across dialects.
SELECT 1;
