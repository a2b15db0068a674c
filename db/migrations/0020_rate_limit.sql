-- Rate-limit counters shared by every instance of the server (fixed windows). One row per key (for example
-- 'sign-in:ip:203.0.113.7' or 'sign-in:account:olli@ouka.fi'): how many hits in the window that started at
-- window_start. The application computes windows from its own clock; rows past reset_at are swept now and then.
CREATE TABLE rate_limit_counter (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  reset_at timestamptz NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX idx_rate_limit_counter_reset ON rate_limit_counter (reset_at);
