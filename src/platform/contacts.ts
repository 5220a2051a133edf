// The rules of a stored contact: an e-mail address (or PEC, which is one too) and a telephone number. One rule
// for every entry point (API, forms, seed), as platform/urls.ts is for web addresses.
import { AppError } from './errors.ts';
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

/** A trimmed optional contact, or null; an AppError naming the field when it is not one. */
export function contact(field: string, kind: 'email' | 'phone', value: string | null | undefined) {
  const v = (value ?? '').trim();
  if (!v) return null;
  const problem = kind === 'email' ? emailProblem(v) : phoneProblem(v);
  if (problem) throw AppError.invalid(field, problem);
  return v;
}

export interface SourceLink {
  url: string;
  title?: string | undefined;
  note?: string | undefined;
}

/** The sources with their addresses checked (http and https only), trimmed; an AppError naming `field`. */
export function checkedSources<T extends SourceLink>(field: string, sources: readonly T[]): T[] {
  if (sources.length > 50) throw AppError.invalid(field, 'At most 50 sources');
  return sources.map((s) => {
    const url = s.url.trim();
    const problem = webUrlProblem(url);
    if (problem) throw AppError.invalid(field, problem);
    if ((s.title?.length ?? 0) > 500 || (s.note?.length ?? 0) > 2000) {
      throw AppError.invalid(field, 'A source title takes at most 500 characters, a note 2000');
    }
    return { ...s, url };
  });
}
