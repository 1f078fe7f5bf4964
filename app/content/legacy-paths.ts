// The addresses an imported article had on its old site. WordPress answers a
// post at "/?p=123" (a page at "/?page_id=12") and at its permalink
// ("/2019/05/old-slug/", "/old-slug/"); one normal form serves both the
// front matter that lists them and the request that arrives on one.

const QUERY_KEYS = ["p", "page_id"] as const;

/** The normal form of an old address, or null when it names no page (just "/", or not a path). */
export function normaliseLegacyPath(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), "http://old.invalid");
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  path = path.replace(/\/{2,}/g, "/").replace(/\/+$/, "").toLowerCase();
  if (path === "" || path === "/index.php") {
    for (const key of QUERY_KEYS) {
      const value = url.searchParams.get(key);
      if (value && /^\d{1,12}$/.test(value)) return `/?${key}=${Number(value)}`;
    }
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (path.length > 500 || /[\u0000-\u001f]/.test(path)) return null;
  return path;
}
