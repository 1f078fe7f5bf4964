// One page of a long list (the queue, the inbox, the audit log): a page asked
// for past the end shows the last one, and the query takes just that page.
export function pageWindow(total: number, pageSize: number, asked = 1) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(asked)), pageCount);
  return { page, pageCount, skip: (page - 1) * pageSize, take: pageSize };
}
