-- Agreement e-mail notifications (src/modules/agreements/agreement-notifications.ts): the reminder sent three
-- days before a comment round's deadline is remembered here, so the periodic check sends it once per round
-- (also with several server processes: the primary key decides who sends it).
CREATE TABLE agreement_deadline_reminder (
  round_id uuid PRIMARY KEY REFERENCES agreement_comment_round (id),
  sent_at timestamptz NOT NULL
);
