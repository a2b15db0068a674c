import { DECISION_OUTCOMES, type ApprovalStep, type DecisionRecord, type PartyApprovalView } from '#modules/agreements/index.ts';
import { useI18n } from '../i18n.tsx';
import { RadioList } from './choice-lists.tsx';
import { SelectField, TextArea, TextField } from './forms.tsx';

export type DecisionFieldName =
  | 'stepId'
  | 'versionNumber'
  | 'meetingDate'
  | 'section'
  | 'diaryNumber'
  | 'preparer'
  | 'presenter'
  | 'proposal'
  | 'decision'
  | 'outcome'
  | 'minutesUrl'
  | 'reExaminesId';

/** The decision record's field labels, for the error summary. */
export function useDecisionFieldLabels(): Record<DecisionFieldName, string> {
  const a = useI18n().t.agreements.approval;
  return {
    stepId: a.step,
    versionNumber: a.version,
    meetingDate: a.meetingDate,
    section: a.section,
    diaryNumber: a.diaryNumber,
    preparer: a.preparer,
    presenter: a.presenter,
    proposal: a.proposalText,
    decision: a.decisionText,
    outcome: a.outcome,
    minutesUrl: a.minutesUrl,
    reExaminesId: a.reExamines,
  };
}

/**
 * The fields of a decision record (body, version, meeting, § and diary number, preparer and presenter, proposal
 * and decision texts, outcome, minutes, re-examination), for recording a new one and for correcting one.
 * `value(name)` gives each field's starting value (what the user typed after a failed save, else the default).
 */
export function DecisionFields(props: {
  chain: readonly ApprovalStep[];
  sentVersions: PartyApprovalView['sentVersions'];
  /** Decisions the new or corrected one may re-examine; the field is left out when there are none. */
  reExaminable: readonly DecisionRecord[];
  value: (name: DecisionFieldName) => string;
  fieldErrors?: Record<string, string>;
}) {
  const { t, lang, date } = useI18n();
  const a = t.agreements.approval;
  const { value, fieldErrors: errors } = props;
  return (
    <>
      <SelectField
        name="stepId"
        label={a.step}
        required
        defaultValue={value('stepId')}
        error={errors?.stepId}
        options={props.chain.map((s) => ({ value: s.id ?? '', label: a.stepOption(s.position, lang === 'sv' && s.body.sv ? s.body.sv : s.body.fi, a.roles[s.role]) }))}
      />
      <SelectField
        name="versionNumber"
        label={a.version}
        required
        defaultValue={value('versionNumber')}
        error={errors?.versionNumber}
        options={props.sentVersions.map((x) => ({ value: String(x.number), label: a.versionOption(x.number, x.label, x.current) }))}
      />
      <TextField name="meetingDate" type="date" label={a.meetingDate} required defaultValue={value('meetingDate')} error={errors?.meetingDate} />
      <TextField name="section" label={a.section} hint={a.sectionHint} inputMode="numeric" defaultValue={value('section')} error={errors?.section} />
      <TextField name="diaryNumber" label={a.diaryNumber} hint={a.diaryNumberHint} defaultValue={value('diaryNumber')} error={errors?.diaryNumber} />
      <TextField name="preparer" label={a.preparer} hint={a.preparerHint} defaultValue={value('preparer')} error={errors?.preparer} />
      <TextField name="presenter" label={a.presenter} hint={a.presenterHint} defaultValue={value('presenter')} error={errors?.presenter} />
      <TextArea name="proposal" label={a.proposalText} rows={4} defaultValue={value('proposal')} error={errors?.proposal} />
      <TextArea name="decision" label={a.decisionText} rows={3} defaultValue={value('decision')} error={errors?.decision} />
      <RadioList name="outcome" legend={a.outcome} checked={value('outcome')} error={errors?.outcome} options={DECISION_OUTCOMES.map((o) => ({ value: o, label: a.outcomes[o] }))} />
      <TextField name="minutesUrl" type="url" label={a.minutesUrl} hint={a.minutesUrlHint} defaultValue={value('minutesUrl')} error={errors?.minutesUrl} />
      {props.reExaminable.length > 0 && (
        <SelectField
          name="reExaminesId"
          label={a.reExamines}
          hint={a.reExaminesHint}
          defaultValue={value('reExaminesId')}
          error={errors?.reExaminesId}
          options={[
            { value: '', label: a.reExaminesNone },
            ...props.reExaminable.map((x) => ({ value: x.id, label: a.reExaminesOption(x.body.fi, date(x.meetingDate), a.outcomes[x.outcome]) })),
          ]}
        />
      )}
    </>
  );
}
