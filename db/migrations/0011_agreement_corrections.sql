-- Agreements: correcting mistakes in decision records and signatures before the agreement is in force,
-- and scanned wet-ink signature pages. Rules live in src/modules/agreements (correct-decision.ts,
-- annul-decision.ts, revoke-signature.ts, sign-agreement.ts).
--
-- Records are still never deleted: a decision entered wrongly is corrected in place (the audit trail keeps
-- before/after) or annulled with a reason; a signature recorded by mistake is revoked with a reason. Both
-- stay visible (struck through). Once annulled or revoked, a row does not change again.

ALTER TABLE agreement_decision
  ADD COLUMN row_version integer NOT NULL DEFAULT 1,
  ADD COLUMN corrected_at timestamptz,
  ADD COLUMN corrected_by uuid REFERENCES app_user (id),
  ADD COLUMN annulled_at timestamptz,
  ADD COLUMN annulled_by uuid REFERENCES app_user (id),
  ADD COLUMN annul_reason text NOT NULL DEFAULT '',
  ADD CONSTRAINT agreement_decision_annul_reason CHECK (annulled_at IS NULL OR annul_reason <> '');

ALTER TABLE agreement_signature
  ADD COLUMN revoked_at timestamptz,
  ADD COLUMN revoked_by uuid REFERENCES app_user (id),
  ADD COLUMN revoke_reason text NOT NULL DEFAULT '',
  ADD CONSTRAINT agreement_signature_revoke_reason CHECK (revoked_at IS NULL OR revoke_reason <> '');

DROP TRIGGER agreement_decision_no_update ON agreement_decision;
DROP TRIGGER agreement_signature_no_update ON agreement_signature;

-- Decisions: never deleted; who, for whom and when recorded never change; an annulled decision is final.
CREATE FUNCTION agreement_decision_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'agreement_decision rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.annulled_at IS NOT NULL THEN
    RAISE EXCEPTION 'an annulled agreement_decision does not change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.agreement_id <> OLD.agreement_id OR NEW.party_id <> OLD.party_id
     OR NEW.recorded_at <> OLD.recorded_at OR NEW.recorded_by IS DISTINCT FROM OLD.recorded_by
     OR NEW.row_version <> OLD.row_version + 1 THEN
    RAISE EXCEPTION 'agreement_decision: only the record''s contents may be corrected' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER agreement_decision_guard BEFORE UPDATE OR DELETE ON agreement_decision
  FOR EACH ROW EXECUTE FUNCTION agreement_decision_guard();

-- Signatures: never deleted; the only change is the one-time revocation.
CREATE FUNCTION agreement_signature_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'agreement_signature rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
     OR (to_jsonb(NEW) - 'revoked_at' - 'revoked_by' - 'revoke_reason') <> (to_jsonb(OLD) - 'revoked_at' - 'revoked_by' - 'revoke_reason') THEN
    RAISE EXCEPTION 'agreement_signature: only a revocation may be recorded' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER agreement_signature_guard BEFORE UPDATE OR DELETE ON agreement_signature
  FOR EACH ROW EXECUTE FUNCTION agreement_signature_guard();

-- The scanned signature page of a wet-ink signature (PDF, PNG or JPEG), kept with the record it proves.
CREATE TABLE agreement_signature_scan (
  signature_id uuid PRIMARY KEY REFERENCES agreement_signature (id),
  content bytea NOT NULL,
  sha256 text NOT NULL CHECK (sha256 = encode(sha256(content), 'hex')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes = octet_length(content)),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  file_name text NOT NULL CHECK (file_name <> '' AND length(file_name) <= 200),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  uploaded_by uuid REFERENCES app_user (id)
);

CREATE TRIGGER agreement_signature_scan_no_update BEFORE UPDATE OR DELETE ON agreement_signature_scan
  FOR EACH ROW EXECUTE FUNCTION agreement_record_is_immutable();
