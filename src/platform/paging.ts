// One page of a list: the page asked for brought within range, its offset, and the counts a page shows.

export const PAGE_SIZE = 25;

export function pageOf(total: number, requested: number | undefined, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), pages);
  return { total, pages, page, pageSize: size, offset: (page - 1) * size };
}
