import { fieldId } from './forms.tsx';

/** A group of checkboxes in a fieldset: the legend labels the group, each box has its own label. */
export function CheckboxList(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  columns?: boolean;
  idPrefix?: string;
}) {
  const id = fieldId(props.idPrefix ? `${props.idPrefix}-${props.name}` : props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className={props.error ? 'choices field--error' : 'choices'} aria-describedby={describedBy} tabIndex={-1}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <ul className={props.columns ? 'choices__list choices__list--columns' : 'choices__list'}>
        {props.options.map((o, i) => (
          <li key={o.value}>
            <input type="checkbox" id={`${id}-${i}`} name={props.name} value={o.value} defaultChecked={props.checked.includes(o.value)} />{' '}
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A group of radio buttons in a fieldset. */
export function RadioList(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  checked: string;
  idPrefix?: string;
}) {
  const id = fieldId(props.idPrefix ? `${props.idPrefix}-${props.name}` : props.name);
  return (
    <fieldset id={id} className={props.error ? 'choices field--error' : 'choices'} tabIndex={-1}>
      <legend>{props.legend}</legend>
      {props.hint && <p className="field__hint">{props.hint}</p>}
      {props.error && <p className="field__error">{props.error}</p>}
      <ul className="choices__list">
        {props.options.map((o, i) => (
          <li key={o.value}>
            <input type="radio" id={`${id}-${i}`} name={props.name} value={o.value} defaultChecked={props.checked === o.value} />{' '}
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
