// The gifts register's rules beyond the platform's field rules: directions, dispositions, and the modest value
// of the public employees' code of conduct (DPR 62/2013, art. 4: about EUR 150) above which a gift received is
// flagged and must say what became of it.

export const DIRECTIONS = ['received', 'given'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DISPOSITIONS = ['kept', 'on_display', 'donated', 'returned'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The modest value, in euros, as a decimal string. */
export const MODEST_VALUE_EUR = '150.00';

/**
 * Whether a gift is above the modest value: a gift received worth more than EUR 150; in another currency, any
 * stated value (Ponte converts no currency: a person checks it).
 */
export function aboveModestValue(g: {
  direction: Direction;
  value: string | null;
  currency: string;
}): boolean {
  if (g.direction !== 'received' || g.value === null) return false;
  if (g.currency !== 'EUR') return true;
  return Math.round(Number(g.value) * 100) > Math.round(Number(MODEST_VALUE_EUR) * 100);
}
