// The rules of a stored contact: an e-mail address (or PEC, which is one too) and a telephone number. One rule
// for every entry point (API, forms, seed), as platform/urls.ts is for web addresses.
import { AppError } from './errors.ts';
import { type Source, sourcesProblem } from './http/schema-helpers.ts';
import { webUrlProblem } from './urls.ts';

// One @, a dot in the domain, no spaces or angle brackets: what a mailto: link needs, not RFC 5322 in full.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;
// An optional +, then digits with spaces, dots, hyphens, slashes or brackets between them.
const PHONE = /^\+?[0-9][0-9 ./()-]*[0-9]$/;

/** Why value is not an e-mail address, or undefined when it is one. */
export function emailProblem(value: string): string | undefined {
  return EMAIL.test(value) && value.length <= 200 ? undefined : `"${value}" is not an e-mail address`;
}

/** Why value is not a telephone number (6 to 20 digits), or undefined when it is one. */
export function phoneProblem(value: string): string | undefined {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 6 && digits <= 20 && value.length <= 40
    ? undefined
    : `"${value}" is not a telephone number (digits, spaces and an optional leading +)`;
}

/** A telephone number as a `tel:` URI (RFC 3966): its digits and leading +, for links and vCards. */
export const telUri = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;

/** A trimmed optional contact, or null; an AppError naming the field when it is not one. */
export function contact(field: string, kind: 'email' | 'phone', value: string | null | undefined) {
  const v = (value ?? '').trim();
  if (!v) return null;
  const problem = kind === 'email' ? emailProblem(v) : phoneProblem(v);
  if (problem) throw AppError.invalid(field, problem);
  return v;
}

/**
 * The sources with their addresses checked (http and https only) and trimmed, each with an address or a title;
 * an AppError naming the source's field ("sources.2.url").
 */
export function checkedSources(field: string, sources: readonly Source[] | undefined): Source[] {
  const list = sources ?? [];
  if (list.length > 50) throw AppError.invalid(field, 'At most 50 sources');
  const missing = sourcesProblem(list, field);
  if (missing) throw AppError.invalid(missing, 'Give the address or the title of the source');
  return list.map((s, i) => {
    const url = s.url?.trim();
    const problem = url ? webUrlProblem(url) : undefined;
    if (problem) throw AppError.invalid(`${field}.${i}.url`, problem);
    if ((s.title?.length ?? 0) > 500 || (s.titleEn?.length ?? 0) > 500 || (s.note?.length ?? 0) > 2000) {
      throw AppError.invalid(`${field}.${i}`, 'A source title takes at most 500 characters, a note 2000');
    }
    return url ? { ...s, url } : s;
  });
}
