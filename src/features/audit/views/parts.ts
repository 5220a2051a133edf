// The parts a record carries as lists (an objective's years and indicators, a project's funding and years, a
// candidacy's deadlines) as the history shows them: each item by its year or name, then what it holds in words,
// money at the record's currency ("2023: Spese: previsione 12.500,00 €"). A change to such a list is shown item
// by item, so that typing one year's amount does not print every year before and after.

import { formatDate, formatNumber, type Lang } from '../../../platform/i18n.ts';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { amountFormatter } from '../../../views/charts.tsx';
import { planStrings } from '../../plan/plan.strings.ts';
import { auditStrings } from '../audit.strings.ts';

type Item = Record<string, unknown>;

const isItem = (v: unknown): v is Item => !!v && typeof v === 'object' && !Array.isArray(v);

/** A year's six amounts of the plan, expenditure then income, in the order the money form has them. */
const SIDES = [
  ['expense', ['expensePlanned', 'expenseCommitted', 'expensePaid']],
  ['income', ['incomePlanned', 'incomeCommitted', 'incomePaid']],
] as const;
const YEAR_AMOUNTS = SIDES.flatMap(([, keys]) => keys);

/** An item of a list as the history names it and tells its content. */
export interface ItemText {
  /** What tells it from the list's other items: its id, else its year. */
  key: string;
  /** Its name in the page's language: a year, a source, an indicator's or a deadline's name. */
  title: string;
  /** What it holds, in words. */
  text: string;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * An item of one of the lists the new record types carry, in words; undefined for any other object, which the
 * history then shows as it did. `currency` is the record's (its snapshot's `currency`, euro when it has none).
 */
export function itemText(value: unknown, lang: Lang, currency: string): ItemText | undefined {
  if (!isItem(value)) return undefined;
  const labels = backofficeStrings(lang).labels;
  const none = auditStrings(lang).notRecorded;
  const money = (v: unknown) => {
    const amount = str(v);
    return amount === undefined ? none : amountFormatter(lang, currency)(amount);
  };
  const key = str(value['id']) ?? String(value['year'] ?? '');
  const name = (it: unknown, en: unknown) => (lang === 'it' ? str(it) : (str(en) ?? str(it))) ?? '—';

  if (typeof value['year'] === 'number' && YEAR_AMOUNTS.some((k) => k in value)) {
    // A year of an objective's money, side by side as the budget has it ("Spese: previsione 12.500,00 €,
    // pagato 9.800,50 €; Entrate: …"): only the amounts recorded, or "not recorded" when none is.
    const s = planStrings(lang);
    const sides = SIDES.flatMap(([side, keys]) => {
      const recorded = keys
        .filter((k) => str(value[k]) !== undefined)
        .map((k) => `${s.series[k]!.toLowerCase()} ${money(value[k])}`);
      return recorded.length ? [`${s[side]}: ${recorded.join(', ')}`] : [];
    });
    return { key, title: String(value['year']), text: sides.length ? sides.join('; ') : none };
  }
  if (typeof value['year'] === 'number' && 'amount' in value) {
    return { key, title: String(value['year']), text: money(value['amount']) };
  }
  if (typeof value['source'] === 'string' && 'amount' in value) {
    return { key, title: value['source'], text: money(value['amount']) };
  }
  if (typeof value['nameIt'] === 'string' && Array.isArray(value['values'])) {
    // An indicator: each year's target and actual value, in its unit.
    const unit = str(value['unit']);
    const of = (v: unknown) =>
      str(v) === undefined ? '—' : `${formatNumber(Number(v), lang)}${unit ? ` ${unit}` : ''}`;
    const years = value['values']
      .filter(isItem)
      .filter((v) => str(v['target']) !== undefined || str(v['actual']) !== undefined)
      .map(
        (v) => `${v['year']}: ${labels['target']} ${of(v['target'])}, ${labels['actual']} ${of(v['actual'])}`,
      );
    return {
      key,
      title: name(value['nameIt'], value['nameEn']),
      text: years.length ? years.join('; ') : none,
    };
  }
  if (typeof value['labelIt'] === 'string' && typeof value['dueOn'] === 'string') {
    // A deadline: when it is due and, once met, when.
    const due = formatDate(value['dueOn'], 'day', lang) ?? value['dueOn'];
    const done = str(value['doneOn']);
    const doneText = done ? `; ${labels['doneOn']} ${formatDate(done, 'day', lang) ?? done}` : '';
    return {
      key,
      title: name(value['labelIt'], value['labelEn']),
      text: `${labels['dueOn']} ${due}${doneText}`,
    };
  }
  return undefined;
}

/** A list whose every item is one of those, in words; undefined for anything else (or an empty list). */
export function itemsOf(value: unknown, lang: Lang, currency: string): ItemText[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const items = value.map((v) => itemText(v, lang, currency));
  return items.every((i) => i !== undefined) ? (items as ItemText[]) : undefined;
}

/** A whole list of such items in words, one after the other. */
export const listText = (items: ItemText[]) => items.map((i) => `${i.title}: ${i.text}`).join('; ');

/**
 * The items of a list that a change added, removed or altered, as "before → after" texts named by the item
 * ("2023: non registrato → Spese: previsione 12.500,00 €"); undefined when a side is not such a list.
 */
export function itemChanges(
  before: unknown,
  after: unknown,
  lang: Lang,
  currency: string,
): { title: string; before: string; after: string }[] | undefined {
  if (!Array.isArray(before) || !Array.isArray(after)) return undefined;
  const b = before.map((v) => itemText(v, lang, currency));
  const a = after.map((v) => itemText(v, lang, currency));
  if ([...b, ...a].some((i) => i === undefined) || a.length + b.length === 0) return undefined;
  const was = new Map((b as ItemText[]).map((i) => [i.key, i]));
  const is = new Map((a as ItemText[]).map((i) => [i.key, i]));
  const out: { title: string; before: string; after: string }[] = [];
  for (const key of new Set([...is.keys(), ...was.keys()])) {
    const x = was.get(key);
    const y = is.get(key);
    if (x?.text === y?.text && x?.title === y?.title) continue;
    // A renamed item (an indicator, a deadline) shows its old name before the arrow.
    const renamed = x && y && x.title !== y.title;
    out.push({
      title: (y ?? x)!.title,
      before: x ? (renamed ? `${x.title}: ${x.text}` : x.text) : '—',
      after: y?.text ?? '—',
    });
  }
  return out;
}
