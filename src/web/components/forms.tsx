import type { ReactNode } from 'react';
import { Form } from 'react-router';
import { useI18n, useRootData } from '../i18n.tsx';

/** A server-rendered form with the CSRF token; works without JavaScript. */
export function PostForm(props: { children: ReactNode; action?: string; className?: string; encType?: 'multipart/form-data'; 'aria-labelledby'?: string }) {
  const root = useRootData();
  return (
    <Form method="post" action={props.action} className={props.className} encType={props.encType} aria-labelledby={props['aria-labelledby']} noValidate>
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      {props.children}
    </Form>
  );
}

/**
 * Error summary at the top of a form (GOV.UK / Suomi.fi pattern): a heading, then links to each field.
 * It is focused on load (enhance.js; `data-autofocus` without JS browsers land on it via the skip link).
 */
export function ErrorSummary({ message, fieldErrors, labels }: { message?: string; fieldErrors?: Record<string, string>; labels?: Record<string, string> }) {
  const { t } = useI18n();
  const entries = Object.entries(fieldErrors ?? {});
  if (!message && entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-autofocus="">
      <h2 id="error-summary-title">{entries.length ? t.common.errorSummaryTitle : message}</h2>
      {entries.length > 0 && (
        <>
          {message && <p>{message}</p>}
          <ul>
            {entries.map(([field, msg]) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`}>
                  {labels?.[field] ? `${labels[field]}: ` : ''}
                  {msg}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** When the same field name appears in several forms on one page, a prefix keeps the ids unique. */
  idPrefix?: string;
}

const idOf = (p: { name: string; idPrefix?: string }) => fieldId(p.idPrefix ? `${p.idPrefix}-${p.name}` : p.name);

function FieldShell({ name, idPrefix, label, hint, error, required, children }: FieldProps & { children: ReactNode }) {
  const { t } = useI18n();
  const id = idOf({ name, idPrefix });
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field__required"> ({t.common.required})</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: FieldProps & { defaultValue?: string | null; type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'date'; autoComplete?: string; inputMode?: 'numeric' | 'text' },
) {
  const { name, hint, error, required } = props;
  return (
    <FieldShell {...props}>
      <input
        id={idOf(props)}
        name={name}
        type={props.type ?? 'text'}
        defaultValue={props.defaultValue ?? ''}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(idOf(props), hint, error)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { defaultValue?: string | null; rows?: number }) {
  const { name, hint, error, required } = props;
  return (
    <FieldShell {...props}>
      <textarea
        id={idOf(props)}
        name={name}
        rows={props.rows ?? 6}
        defaultValue={props.defaultValue ?? ''}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(idOf(props), hint, error)}
      />
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { defaultValue?: string | null; options: { value: string; label: string }[] }) {
  const { name, hint, error, required } = props;
  return (
    <FieldShell {...props}>
      <select
        id={idOf(props)}
        name={name}
        defaultValue={props.defaultValue ?? ''}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(idOf(props), hint, error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A file input (the form must be a PostForm with encType="multipart/form-data"). */
export function FileField(props: FieldProps & { accept?: string }) {
  const { name, hint, error, required } = props;
  return (
    <FieldShell {...props}>
      <input
        id={idOf(props)}
        name={name}
        type="file"
        accept={props.accept}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(idOf(props), hint, error)}
      />
    </FieldShell>
  );
}

export function SubmitButton({ children, name, value, variant }: { children: ReactNode; name?: string; value?: string; variant?: 'secondary' | 'danger' }) {
  return (
    <button type="submit" name={name} value={value} className={variant ? `button button--${variant}` : 'button'}>
      {children}
    </button>
  );
}

/** A short status message after a successful save (announced politely). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}
