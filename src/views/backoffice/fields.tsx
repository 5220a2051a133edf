// One labelled form field for every back-office form: bootstrap-italia markup, its hint, and after a refused
// save its error right below it, tied to the control with aria-describedby and aria-invalid. And, after a
// stale save, one table that sets the stored version beside the one sent, field by field.
import type { Lang } from '../../platform/i18n.ts';
import { backofficeStrings } from './strings.ts';
import { DataTable } from './tables.tsx';

export interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  kind?:
    | 'text'
    | 'url'
    | 'email'
    | 'tel'
    | 'password'
    | 'search'
    | 'textarea'
    | 'select'
    | 'date'
    | 'time'
    | 'number'
    | 'checkboxes';
  options?: readonly (readonly [value: string, label: string])[];
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  autoComplete?: string | undefined;
  inputMode?: 'decimal' | 'text' | undefined;
  /** Classes of the wrapper beside the model's own (grid columns, margins). */
  class?: string | undefined;
  /** Further attributes of the control (htmx, for one). */
  extra?: Record<string, string> | undefined;
}

export function Field(p: FieldProps) {
  const { name, kind = 'text' } = p;
  const id = `f-${name}`;
  const describedBy = [p.hint ? `h-${name}` : '', p.error ? `e-${name}` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name,
    required: p.required,
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    ...p.extra,
  };
  const after = (
    <>
      {p.hint ? (
        <small id={`h-${name}`} class="form-text">
          {p.hint}
        </small>
      ) : null}
      {p.error ? (
        <p id={`e-${name}`} class="form-text text-danger fw-semibold">
          {p.error}
        </p>
      ) : null}
    </>
  );
  const wrap = (base: string) => [base, p.class].filter(Boolean).join(' ');
  if (kind === 'checkboxes') {
    // Several values under one name, the chosen ones kept one per line in `value`.
    const chosen = new Set((p.value ?? '').split('\n'));
    return (
      <fieldset
        class={wrap('mb-5')}
        aria-describedby={describedBy || undefined}
        aria-invalid={p.error ? 'true' : undefined}
      >
        <legend class="h6">{p.label}</legend>
        {(p.options ?? []).map(([value, text], i) => (
          <div class="form-check" key={value}>
            <input type="checkbox" id={`${id}-${i}`} name={name} value={value} checked={chosen.has(value)} />
            <label for={`${id}-${i}`}>{text}</label>
          </div>
        ))}
        {after}
      </fieldset>
    );
  }
  if (kind === 'select') {
    return (
      <div class={wrap('select-wrapper mb-5')}>
        <label for={id}>{p.label}</label>
        <select {...common}>
          {(p.options ?? []).map(([value, text]) => (
            <option key={value} value={value} selected={value === p.value}>
              {text}
            </option>
          ))}
        </select>
        {after}
      </div>
    );
  }
  return (
    <div class={wrap('form-group')}>
      <label class="active" for={id}>
        {p.label}
      </label>
      {kind === 'textarea' ? (
        <textarea class="form-control" rows={4} {...common} value={p.value ?? ''} />
      ) : (
        <input
          class="form-control"
          type={kind}
          value={p.value ?? ''}
          inputMode={p.inputMode}
          autoComplete={p.autoComplete}
          {...common}
        />
      )}
      {after}
    </div>
  );
}

/** One field of a stale save: its label, and the stored and sent values as the person reads them. */
export interface ComparedField {
  name: string;
  label: string;
  stored: string;
  sent: string;
}

/** The version stored now beside the one the person sent, field by field; the values that differ in bold. */
export function ConflictTable(p: { lang: Lang; rows: readonly ComparedField[] }) {
  const t = backofficeStrings(p.lang).compare;
  const shown = (v: string) => v || '—';
  return (
    <DataTable caption={t.caption} class="mb-4" columns={[t.field, t.storedNow, t.yours]}>
      {p.rows.map((r) => (
        <tr key={r.name}>
          <th scope="row">{r.label}</th>
          <td>{shown(r.stored)}</td>
          <td>{r.stored === r.sent ? shown(r.sent) : <strong>{shown(r.sent)}</strong>}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * A form that uploads one file: the CSRF token before the file, so that the server reads it before the bytes,
 * then the file field with its hint and, after a refusal, its error.
 */
export function UploadForm(p: {
  action: string;
  csrfToken: string;
  label: string;
  accept: string;
  hint: string;
  error?: string | undefined;
  submit: string;
  buttonClass: string;
  class: string;
}) {
  return (
    <form method="post" action={p.action} enctype="multipart/form-data" class={p.class}>
      <input type="hidden" name="_csrf" value={p.csrfToken} />
      <div class="form-group">
        <label class="active" for="f-file">
          {p.label}
        </label>
        <input
          type="file"
          id="f-file"
          name="file"
          class="form-control"
          accept={p.accept}
          required
          aria-describedby={p.error ? 'h-file e-file' : 'h-file'}
          aria-invalid={p.error ? 'true' : undefined}
        />
        <small id="h-file" class="form-text">
          {p.hint}
        </small>
        {p.error ? (
          <p id="e-file" class="form-text text-danger fw-semibold">
            {p.error}
          </p>
        ) : null}
      </div>
      <button type="submit" class={p.buttonClass}>
        {p.submit}
      </button>
    </form>
  );
}
