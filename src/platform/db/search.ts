// The pattern of a search by part of a name: what a person typed, with LIKE's own characters taken literally.

/** `%text%` for ILIKE, with `\\`, `%` and `_` escaped so that "50%" finds "50%" and not everything. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
