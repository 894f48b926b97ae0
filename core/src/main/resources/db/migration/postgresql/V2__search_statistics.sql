-- Keys and values are correlated (param 'optimizer' holds 'adam', never 0.01): without these
-- statistics PostgreSQL multiplies the two selectivities, underestimates a filter like
-- params.optimizer = 'adam' tenfold and sorts every match instead of walking the order-by index.
CREATE STATISTICS params_key_value (mcv) ON key, value FROM params;
CREATE STATISTICS tags_key_value (mcv) ON key, value FROM tags;
CREATE STATISTICS latest_metrics_key_nan (mcv, dependencies) ON key, is_nan FROM latest_metrics;
