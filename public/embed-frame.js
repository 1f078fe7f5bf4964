// @ts-check
// Inside the frame that embed.js puts in another site's page (every page under
// /embed/ loads this). It tells the page how tall it is, so the frame has no
// scrollbar of its own; asks the page to scroll to what the address points at
// (#ask, #post-12); and follows the page's light or dark scheme. embed.js
// gives the frame the page's origin and scheme in its name, which stays the
// frame's as it moves from page to page; messages go to that origin alone.
(function () {
  // A browser that blocks third-party cookies denies this frame its storage too, and the app's scripts read
  // sessionStorage (Remix keeps its route manifest's version there): they get one that lasts as long as the page.
  try {
    void window.sessionStorage.length;
  } catch {
    /** @type {Map<string, string>} */
    const items = new Map();
    /** @type {Storage} */
    const memory = {
      get length() {
        return items.size;
      },
      key: (i) => [...items.keys()][i] ?? null,
      getItem: (key) => items.get(String(key)) ?? null,
      setItem: (key, value) => void items.set(String(key), String(value)),
      removeItem: (key) => void items.delete(String(key)),
      clear: () => items.clear(),
    };
    Object.defineProperty(window, "sessionStorage", { value: memory, configurable: true });
  }
  /** @type {{ host?: string, theme?: string }} */
  let told = {};
  try {
    told = JSON.parse(window.name || "{}");
  } catch {
    told = {};
  }
  const host = typeof told.host === "string" ? told.host : null;
  if (told.theme === "dark" || told.theme === "light") document.documentElement.dataset.theme = told.theme;
  if (!host || window.parent === window) return;

  /** @param {Record<string, unknown>} message */
  const tell = (message) => window.parent.postMessage({ afterword: true, ...message }, host);
  let last = 0;
  const sendHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) tell({ type: "height", height: (last = height) });
  };
  /** What the address points at, for the page to scroll to (the frame itself never scrolls). */
  const sendTarget = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target) tell({ type: "scroll", top: Math.max(0, target.getBoundingClientRect().top + window.scrollY - 8) });
  };
  const start = () => {
    new ResizeObserver(sendHeight).observe(document.documentElement);
    sendHeight();
    sendTarget();
    tell({ type: "page", path: location.pathname + location.search });
  };
  window.addEventListener("hashchange", sendTarget);
  // A page the app moved to without loading (Remix's links and forms): the frame's layout says so (useFrameMoves).
  let address = location.pathname + location.search;
  window.addEventListener("afterword:moved", () => {
    const now = location.pathname + location.search;
    if (now === address) return;
    address = now;
    sendHeight();
    setTimeout(sendTarget, 50);
    tell({ type: "page", path: now });
  });
  window.addEventListener("message", (event) => {
    if (event.origin !== host || event.source !== window.parent) return;
    const data = event.data;
    if (data && data.afterword === true && data.type === "theme" && (data.theme === "dark" || data.theme === "light")) {
      document.documentElement.dataset.theme = data.theme;
    }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
