// The pieces every back-office record form is built of: a field drawn from its spec (labelled and hinted
// from the shared strings), the record form with its hidden CSRF token and version and, after a stale save,
// the stored version beside the one sent; and the one-button action form (delete, leave).
import type { ComponentChildren } from 'preact';
import type { Session } from '../../features/accounts/accounts.service.ts';
import type { Lang } from '../../platform/i18n.ts';
import { ConflictTable, Field } from './fields.tsx';
import { backofficeStrings } from './strings.ts';

export type Values = Record<string, string>;
export type Errors = Record<string, string>;

export interface FieldSpec {
  name: string;
  kind?: 'text' | 'url' | 'email' | 'tel' | 'textarea' | 'select' | 'date' | 'time' | 'number' | 'checkboxes';
  required?: boolean;
  options?: { value: string; label: string }[];
  inputMode?: 'decimal' | 'text';
  autoComplete?: string;
  /** A label and a hint of this form's own, where the shared ones for the field's name do not fit. */
  label?: string;
  hint?: string;
  /** The legend of the fieldset it belongs to: fields with the same group in a row are drawn together. */
  group?: string;
}

/** The specs cut into runs of one group (or of none), in order. */
function runsOf(specs: FieldSpec[]): { group: string | undefined; specs: FieldSpec[] }[] {
  const runs: { group: string | undefined; specs: FieldSpec[] }[] = [];
  for (const spec of specs) {
    const last = runs.at(-1);
    if (last && last.group === spec.group) last.specs.push(spec);
    else runs.push({ group: spec.group, specs: [spec] });
  }
  return runs;
}

/** A field of a registry form, labelled and hinted from the registry's strings. */
export function FormField(p: { lang: Lang; spec: FieldSpec; value: string; error?: string | undefined }) {
  const t = backofficeStrings(p.lang);
  const { name, kind = 'text' } = p.spec;
  return (
    <Field
      name={name}
      label={p.spec.label ?? t.labels[name] ?? name}
      value={p.value}
      kind={kind}
      options={(p.spec.options ?? []).map((o) => [o.value, o.label] as const)}
      hint={p.spec.hint ?? t.hints[name]}
      error={p.error}
      required={p.spec.required}
      inputMode={p.spec.inputMode}
      autoComplete={
        kind === 'textarea' || kind === 'select' || kind === 'checkboxes'
          ? undefined
          : (p.spec.autoComplete ?? 'off')
      }
    />
  );
}

/** A form value as the person reads it: a select's option by its label. */
export const optionText = (spec: FieldSpec, value: string | undefined) =>
  spec.kind === 'checkboxes'
    ? (value ?? '')
        .split('\n')
        .filter(Boolean)
        .map((v) => spec.options?.find((o) => o.value === v)?.label ?? v)
        .join(', ')
    : (spec.options?.find((o) => o.value === value)?.label ?? value ?? '');

export interface Conflict {
  stored: Values;
  sent: Values;
}

/** A record's form: hidden CSRF token and version, the fields, and the conflict table after a stale save. */
export function RecordForm(p: {
  lang: Lang;
  title: string;
  lead?: ComponentChildren;
  action: string;
  session: Session;
  version?: number | undefined;
  specs: FieldSpec[];
  values: Values;
  errors?: Errors | undefined;
  conflict?: Conflict | undefined;
  submit: string;
  back: { href: string; label: string };
}) {
  const t = backofficeStrings(p.lang);
  const errors = p.errors ?? {};
  return (
    <>
      <h1>{p.title}</h1>
      {p.lead ? <div class="lead mb-4">{p.lead}</div> : null}
      {p.conflict ? (
        <ConflictTable
          lang={p.lang}
          rows={p.specs.map((spec) => ({
            name: spec.name,
            label: t.labels[spec.name] ?? spec.name,
            stored: optionText(spec, p.conflict?.stored[spec.name]),
            sent: optionText(spec, p.conflict?.sent[spec.name]),
          }))}
        />
      ) : null}
      <form method="post" action={p.action} class="mt-4" style="max-width: 44rem" novalidate>
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        {p.version !== undefined ? <input type="hidden" name="version" value={String(p.version)} /> : null}
        {runsOf(p.specs).map((run) => {
          const fields = run.specs.map((spec) => (
            <FormField
              key={spec.name}
              lang={p.lang}
              spec={spec}
              value={p.values[spec.name] ?? ''}
              error={errors[spec.name]}
            />
          ));
          return run.group ? (
            <fieldset class="mb-4">
              <legend class="h5 mb-4">{run.group}</legend>
              {fields}
            </fieldset>
          ) : (
            fields
          );
        })}
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class="btn btn-primary">
            {p.submit}
          </button>
          <a href={p.back.href}>{p.back.label}</a>
        </div>
      </form>
      {p.version !== undefined ? <p class="text-muted mt-3">{`${t.version} ${p.version}`}</p> : null}
    </>
  );
}

/** A POST form with one button (delete, leave), carrying the CSRF token and the version. */
export function ActionForm(p: {
  action: string;
  session: Session;
  version: number;
  label: string;
  danger?: boolean;
}) {
  return (
    <form method="post" action={p.action} class="d-inline">
      <input type="hidden" name="_csrf" value={p.session.csrfToken} />
      <input type="hidden" name="version" value={String(p.version)} />
      <button type="submit" class={p.danger ? 'btn btn-outline-danger' : 'btn btn-outline-primary'}>
        {p.label}
      </button>
    </form>
  );
}
