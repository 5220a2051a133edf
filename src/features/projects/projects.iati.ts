// IATI activity XML (standard 2.03) for an institution's cooperation projects: what a city's decentralised
// cooperation publishes to the IATI Registry. Pure: data in, a string out; the service decides what to load.
// The schema's sequence fixes the ORDER of an activity's elements, and IATI's rules (beyond the XSD) want
// the identifier to start with the reporting organisation's ref, start dates present, actual dates not in
// the future, budget periods of at most a year, and several recipient countries' percentages summing to 100.
// Data the standard requires and that cannot be derived truthfully is refused with an Error naming the project
// code and the field, rather than written as an invalid or made-up document.

export interface IatiOrganisation {
  ref: string | null;
  nameIt: string;
  nameEn: string;
  typeCode: string /* IATI OrganisationType, e.g. '10' government, '11' local government */;
}
export interface IatiParticipant {
  name: string;
  role: 'funding' | 'implementing' | 'accountable' | 'extending';
  typeCode?: string | null;
  ref?: string | null;
  country?: string | null /* ISO 3166-1 alpha-2 */;
}
export interface IatiYearAmount {
  year: number;
  amount: string /* exact decimal string like "12500.00", never a float */;
}
export interface IatiProject {
  id: string;
  code: string;
  titleIt: string;
  titleEn: string | null;
  descriptionIt: string | null;
  descriptionEn: string | null;
  status: 'idea' | 'submitted' | 'approved' | 'rejected' | 'running' | 'closed';
  startDate: string | null;
  endDate: string | null;
  countries: string[];
  participants: IatiParticipant[];
  currency: string;
  totalBudget: string | null;
  yearBudgets: IatiYearAmount[];
  url: string | null;
  updatedAt: string;
}

// Only what exists in reality is published: an idea, a submitted proposal or a rejected one is not an
// activity. IATI ActivityStatus: approved but not started is still 1 (Pipeline/identification); running is
// 2 (Implementation), or 3 (Finalisation) once its end date has passed while the office has not closed it
// (reports and last payments pending, which is what Finalisation means); closed is 4 (Closed).
const EXPORTED = new Set<IatiProject['status']>(['approved', 'running', 'closed']);
const ROLE_CODE: Record<IatiParticipant['role'], string> = {
  funding: '1',
  accountable: '2',
  extending: '3',
  implementing: '4',
};

const AMOUNT = /^-?\d+(\.\d{1,2})?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// IATI's rules forbid / & | ? in identifiers (they break the Registry's addresses); whitespace too, since a
// trailing space makes a different identifier that looks the same.
const BAD_ID_CHARS = /[/&|?\s]/;
// Outside XML 1.0's Char production (C0 controls but tab, newline, return; lone surrogates; U+FFFE/FFFF):
// a parser refuses the whole document for one of them, and not even &#...; may stand for them.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text or attribute value made safe for XML: characters XML 1.0 cannot carry dropped, markup escaped. */
function esc(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(SPECIAL, (ch) => ENTITY[ch]!);
}

/** The text as it will be written, or null when nothing would be left of it (no empty narratives). */
function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const kept = text.replace(NOT_XML_CHAR, '').trim();
  return kept === '' ? null : kept;
}

function fail(project: IatiProject, what: string): never {
  throw new Error(`IATI export, project ${JSON.stringify(project.code)}: ${what}`);
}

// The reporting organisation's ref is an IATI organisation identifier (e.g. IT-CF-<codice fiscale>), and
// every activity identifier must begin with it. No fallback is invented: a made-up prefix would be published
// as if registered, and changing it later changes every identifier, breaking what others linked to.
function orgRef(org: IatiOrganisation): string {
  const ref = org.ref?.trim() ?? '';
  if (ref === '' || BAD_ID_CHARS.test(ref)) {
    throw new Error(
      'IATI export: the institution needs an IATI organisation identifier (org.ref, e.g. "IT-CF-" and its codice fiscale) ' +
        `without spaces or / & | ?; got ${JSON.stringify(org.ref)}`,
    );
  }
  return ref;
}

export function iatiIdentifier(org: IatiOrganisation, project: IatiProject): string {
  const ref = orgRef(org);
  const code = project.code.trim();
  if (code === '' || BAD_ID_CHARS.test(code))
    fail(project, 'the code must not be empty nor hold spaces or / & | ?');
  return `${ref}-${code}`;
}

function checkAmount(project: IatiProject, amount: string, what: string): string {
  if (!AMOUNT.test(amount))
    fail(project, `${what} ${JSON.stringify(amount)} is not a decimal like "12500.00"`);
  return amount;
}

function checkDay(project: IatiProject, day: string | null, what: string): string | null {
  if (day === null) return null;
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!ISO_DAY.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    fail(project, `${what} ${JSON.stringify(day)} is not a yyyy-mm-dd date`);
  }
  return day;
}

/** xsd:dateTime in UTC to the second: Postgres's "2025-03-01 10:00:00+01" is not one, its Date is. */
function dateTime(value: Date): string {
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Hundredths of a percent as a decimal: 10000 -> "100", 3333 -> "33.33", 1250 -> "12.50". */
function percent(hundredths: number): string {
  const cents = hundredths % 100;
  return cents === 0
    ? String(hundredths / 100)
    : `${Math.floor(hundredths / 100)}.${String(cents).padStart(2, '0')}`;
}

function narratives(out: string[], indent: string, it: string | null, en: string | null): void {
  // Italian is the activity's xml:lang, so its narratives inherit it; English ones say theirs.
  if (it !== null) out.push(`${indent}<narrative>${esc(it)}</narrative>`);
  if (en !== null) out.push(`${indent}<narrative xml:lang="en">${esc(en)}</narrative>`);
}

function activity(out: string[], org: IatiOrganisation, p: IatiProject, today: string): void {
  const identifier = iatiIdentifier(org, p);
  const currency = p.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) fail(p, `currency ${JSON.stringify(p.currency)} is not an ISO 4217 code`);
  const updated = new Date(p.updatedAt);
  if (Number.isNaN(updated.getTime())) fail(p, `updatedAt ${JSON.stringify(p.updatedAt)} is not a timestamp`);
  const start = checkDay(p, p.startDate, 'startDate');
  const end = checkDay(p, p.endDate, 'endDate');
  // IATI wants a start date (planned or actual) on every activity: without one the project is not reportable.
  if (start === null) fail(p, 'startDate is required by IATI (activity-date of a planned or actual start)');
  if (end !== null && end < start) fail(p, `endDate ${end} is before startDate ${start}`);
  if (p.totalBudget !== null) checkAmount(p, p.totalBudget, 'totalBudget');

  const titleIt = clean(p.titleIt);
  const titleEn = clean(p.titleEn);
  if (titleIt === null && titleEn === null) fail(p, 'the title is empty');
  // The schema requires a description; when the office wrote none, the title stands in for it (true, if
  // terse) rather than leaving the project out of the publication.
  let descIt = clean(p.descriptionIt);
  let descEn = clean(p.descriptionEn);
  if (descIt === null && descEn === null) [descIt, descEn] = [titleIt, titleEn];

  out.push(
    `  <iati-activity last-updated-datetime="${dateTime(updated)}" xml:lang="it" default-currency="${currency}">`,
    `    <iati-identifier>${esc(identifier)}</iati-identifier>`,
    `    <reporting-org ref="${esc(orgRef(org))}" type="${esc(org.typeCode)}">`,
  );
  narratives(out, '      ', clean(org.nameIt), clean(org.nameEn));
  out.push('    </reporting-org>', '    <title>');
  narratives(out, '      ', titleIt, titleEn);
  out.push('    </title>', '    <description type="1">');
  narratives(out, '      ', descIt, descEn);
  out.push('    </description>');

  if (p.participants.length === 0) fail(p, 'IATI requires at least one participating organisation');
  for (const who of p.participants) {
    const name = clean(who.name);
    const ref = clean(who.ref);
    if (name === null && ref === null) fail(p, 'a participant has neither a name nor a ref');
    const code = ROLE_CODE[who.role];
    if (code === undefined) fail(p, `participant role ${JSON.stringify(who.role)} is not an IATI role`);
    // 2.03's participating-org has no country: an organisation's country lives in its identifier's prefix.
    let attrs = `role="${code}"`;
    if (ref !== null) attrs += ` ref="${esc(ref)}"`;
    const type = clean(who.typeCode);
    if (type !== null) attrs += ` type="${esc(type)}"`;
    out.push(
      name === null
        ? `    <participating-org ${attrs}/>`
        : `    <participating-org ${attrs}>\n      <narrative>${esc(name)}</narrative>\n    </participating-org>`,
    );
  }

  const ended = end !== null && end < today;
  const statusCode = p.status === 'approved' ? '1' : p.status === 'closed' ? '4' : ended ? '3' : '2';
  out.push(`    <activity-status code="${statusCode}"/>`);
  // Actual dates (2 start, 4 end) only for what has happened: a project under way has actually started, a
  // closed one actually ended; a date still ahead stays planned (1 start, 3 end), as IATI's rules want actual
  // dates never in the future. A pipeline project's dates are all planned.
  const begun = p.status !== 'approved' && start <= today;
  out.push(`    <activity-date type="${begun ? '2' : '1'}" iso-date="${start}"/>`);
  if (end !== null) {
    out.push(`    <activity-date type="${p.status === 'closed' && ended ? '4' : '3'}" iso-date="${end}"/>`);
  }

  const countries = [...new Set(p.countries.map((c) => c.trim().toUpperCase()))];
  for (const c of countries)
    if (!/^[A-Z]{2}$/.test(c)) fail(p, `country ${JSON.stringify(c)} is not ISO alpha-2`);
  // Split in hundredths so the sum is exactly 100: even shares, the rounding remainder on the last.
  const share = countries.length > 0 ? Math.floor(10000 / countries.length) : 0;
  countries.forEach((c, i) => {
    const h = i === countries.length - 1 ? 10000 - share * i : share;
    out.push(`    <recipient-country code="${c}" percentage="${percent(h)}"/>`);
  });

  // One budget per calendar year (IATI wants periods of at most a year), its period the part of that year
  // the project runs. Type 1 (original). Status 2 (committed) once the project runs or ran, since an
  // agreement then binds the money; 1 (indicative) while only approved, as funds can still be reallocated.
  const budgetStatus = p.status === 'approved' ? '1' : '2';
  const seen = new Set<number>();
  for (const b of [...p.yearBudgets].sort((a, z) => a.year - z.year)) {
    if (!Number.isInteger(b.year) || b.year < 1000 || b.year > 9999)
      fail(p, `budget year ${b.year} is not a year`);
    if (seen.has(b.year)) fail(p, `two budgets for the year ${b.year}`);
    seen.add(b.year);
    const amount = checkAmount(p, b.amount, `budget ${b.year}`);
    const from = `${b.year}-01-01` < start ? start : `${b.year}-01-01`;
    const to = end !== null && end < `${b.year}-12-31` ? end : `${b.year}-12-31`;
    if (to < from) fail(p, `the budget of ${b.year} falls outside the project's dates ${start}..${end}`);
    out.push(
      `    <budget type="1" status="${budgetStatus}">`,
      `      <period-start iso-date="${from}"/>`,
      `      <period-end iso-date="${to}"/>`,
      `      <value currency="${currency}" value-date="${from}">${amount}</value>`,
      '    </budget>',
    );
  }
  // totalBudget has no home in a 2.03 activity (budgets span at most a year each); it is only checked above.

  const url = clean(p.url);
  if (url !== null) {
    // A12 is IATI's DocumentCategory "Activity web page"; its title is the project's own.
    out.push(`    <document-link url="${esc(url)}" format="text/html">`, '      <title>');
    narratives(out, '        ', titleIt, titleEn);
    out.push(
      '      </title>',
      '      <category code="A12"/>',
      '      <language code="it"/>',
      '    </document-link>',
    );
  }
  out.push('  </iati-activity>');
}

/**
 * The IATI activities file of the institution's projects that exist in reality (approved, running, closed).
 * Throws an Error naming the project and field when a project's data cannot make a valid IATI activity, and
 * when there is nothing to publish (the schema wants at least one activity).
 */
export function iatiActivities(org: IatiOrganisation, projects: IatiProject[], generatedAt: Date): string {
  orgRef(org);
  if (clean(org.nameIt) === null && clean(org.nameEn) === null)
    throw new Error('IATI export: org.nameIt is empty');
  if (!/^\d{2}$/.test(org.typeCode))
    throw new Error('IATI export: org.typeCode is not an OrganisationType code');
  const today = generatedAt.toISOString().slice(0, 10);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<iati-activities version="2.03" generated-datetime="${dateTime(generatedAt)}">`,
  ];
  const identifiers = new Set<string>();
  for (const project of projects) {
    if (!EXPORTED.has(project.status)) continue;
    const identifier = iatiIdentifier(org, project);
    if (identifiers.has(identifier)) fail(project, `another project has the identifier ${identifier}`);
    identifiers.add(identifier);
    activity(out, org, project, today);
  }
  if (identifiers.size === 0)
    throw new Error('IATI export: no approved, running or closed project to publish');
  out.push('</iati-activities>', '');
  return out.join('\n');
}
