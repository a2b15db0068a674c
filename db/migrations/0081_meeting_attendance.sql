-- Attendance: which of the region's parties were represented at a held meeting, recorded by the forum's secretary
-- from the minutes. A negotiation under hyvinvointialuelaki 14 § (or sote-järjestämislaki 7 §) held as a forum
-- meeting counts for a municipality only if the municipality took part, so the obligations monitor reads this.
CREATE TABLE meeting_attendance (
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  party_id uuid NOT NULL REFERENCES party (id),
  PRIMARY KEY (meeting_id, party_id)
);
CREATE INDEX idx_meeting_attendance_party ON meeting_attendance (party_id);

-- NULL: attendance not recorded (a held meeting without it proves nobody's participation).
ALTER TABLE meeting ADD COLUMN attendance_recorded_at timestamptz;

-- Only a meeting that has been held has attendance (the use case checks the same; this keeps it true for every writer).
CREATE FUNCTION meeting_attendance_only_held() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM meeting WHERE id = NEW.meeting_id AND state IN ('held', 'minutes_approved', 'published')) THEN
    RAISE EXCEPTION 'attendance of a meeting that has not been held' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER meeting_attendance_only_held BEFORE INSERT OR UPDATE ON meeting_attendance
  FOR EACH ROW EXECUTE FUNCTION meeting_attendance_only_held();
