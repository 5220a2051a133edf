// How close two spellings of a place name are, beyond shared trigrams. Romanisations of one name differ in
// articles ("El Aaiún", "Laâyoune"), vowels (ou/u, y/i), doubled and silent letters: trigrams alone find
// "Laayoune" no closer to "El Aaiun" than "El Alto". Used to rank suggestions, never to match.

/** Leading articles (Arabic, with the assimilated forms, Romance and English) a name may carry or drop. */
const ARTICLES = new Set(
  'al el ad ag an ar as at az ash ed en er es et ez le la les los las lo il the'.split(' '),
);
/** Arabic articles, which spellings also fuse to the name ("al-Uyun" as "Laayoune"). */
const FUSING = new Set(['al', 'el']);

/**
 * The French-style romanisation of a form (y between vowels, ou for u), the one GeoNames often has for the
 * Maghreb and the Levant ("laaiun" as "laayoun", which shares enough trigrams with "laayoune").
 */
const frenchStyle = (form: string) =>
  form.replace(/(?<=[aeiou])i(?=[aeiou])/g, 'y').replace(/(?<!o)u/g, 'ou');

/**
 * Forms of a normalised name to look up: itself; without its article, with the article fused, each also
 * romanised the French way; or, when it has no article, without spaces.
 */
export function spellingVariants(norm: string): string[] {
  const [first, ...rest] = norm.split(' ');
  if (!first || rest.length === 0) return [...new Set([norm, frenchStyle(norm)])];
  if (!ARTICLES.has(first)) return [norm, norm.replaceAll(' ', '')];
  const tail = rest.join(' ');
  const forms = FUSING.has(first) ? [tail, `l${tail.replaceAll(' ', '')}`] : [tail];
  return [...new Set([norm, ...forms, ...forms.map(frenchStyle)])];
}

/** A normalised name with the usual romanisation differences folded away. */
export function spellingKey(norm: string): string {
  return norm
    .replaceAll(' ', '')
    .replace(/o[uo]/g, 'u')
    .replace(/ph/g, 'f')
    .replace(/([kgdts])h/g, '$1')
    .replace(/ck|q/g, 'k')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/(?<=.{3})[eh]$/, '');
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The keys a name is compared by: of each of its variants. */
export function spellingKeys(norm: string): string[] {
  return [...new Set(spellingVariants(norm).map(spellingKey))].filter(Boolean);
}

/** Similarity (0..1) of the closest pair of keys: 1 when two spellings fold to the same key. */
export function spellingSimilarity(queryKeys: string[], nameNorm: string): number {
  let best = 0;
  for (const a of queryKeys) {
    for (const b of spellingKeys(nameNorm)) {
      best = Math.max(best, 1 - editDistance(a, b) / Math.max(a.length, b.length));
    }
  }
  return best;
}
