// @ts-check
// Afterword under any site's pages. Paste where the questions should go:
//   <div data-afterword></div><script src="https://qa.example.com/embed.js" async></script>
// The script finds the article by the page's canonical address (or
// data-afterword-article="slug"), reports the page's title and h2[id]
// headings (the article's sections), and shows the article's questions in a
// frame served by Afterword, as tall as its content. With
// data-afterword-sections it adds "Ask about this section (3)" after each
// h2[id]; elements with data-afterword-count (links to other pages) get their
// pages' question counts. If anything fails, a plain link to the questions on
// Afterword is left in its place. The README's "Under your existing site" says more.
(function () {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script) return;
  const base = new URL(script.src).origin;

  /** The page's own address: its canonical link when that is on this site, else the address without query or fragment. */
  const pageAddress = () => {
    const canonical = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="canonical"]'));
    if (canonical && canonical.href) {
      const url = new URL(canonical.href, location.href);
      if (url.origin === location.origin) return url.origin + url.pathname;
    }
    return location.origin + location.pathname;
  };
  /** @param {number} n */
  const questions = (n) => (n === 1 ? "1 question" : `${n} questions`);

  /** @param {Element} holder @param {string} address */
  const fallback = (holder, address) => {
    const link = document.createElement("a");
    link.href = `${base}/embed/page?url=${encodeURIComponent(address)}`;
    link.textContent = "Read and ask questions about this article on Afterword";
    holder.replaceChildren(link);
  };

  /** @param {Element} holder */
  async function embed(holder) {
    const address = pageAddress();
    const slug = holder.getAttribute("data-afterword-article");
    const headings = [...document.querySelectorAll("h2[id]")].filter((h) => !holder.contains(h));
    /** @type {{ slug: string, frame: string, sections: { anchor: string, title: string, questionCount: number }[] }} */
    let article;
    try {
      const response = await fetch(`${base}/embed/register`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "omit",
        body: JSON.stringify({
          url: address,
          ...(slug ? { article: slug } : {}),
          title: (document.querySelector("h1")?.textContent || document.title).trim(),
          sections: headings.slice(0, 50).map((h) => ({ id: h.id, title: (h.textContent || "").trim() })),
        }),
      });
      if (!response.ok) throw new Error(`Afterword answered ${response.status}`);
      article = await response.json();
    } catch (error) {
      console.warn("Afterword:", error);
      fallback(holder, address);
      return;
    }
    const theme = holder.getAttribute("data-afterword-theme");
    const frame = document.createElement("iframe");
    // The frame's script reads this page's origin (where its messages go) and scheme from its name.
    frame.name = JSON.stringify({ host: location.origin, theme: theme === "dark" || theme === "light" ? theme : null });
    frame.title = "Reader questions";
    frame.style.cssText = "display:block;width:100%;border:0;overflow:hidden;height:480px";
    frame.setAttribute("scrolling", "no");
    const old = /^#comment-(\d+)$/.exec(location.hash);
    const open = (/** @type {string} */ path) => {
      frame.src = base + path;
    };
    open(old ? `${article.frame}/comments/${old[1]}` : article.frame);
    holder.replaceChildren(frame);
    if (!holder.id) holder.id = "afterword";

    /** The frame's page as it last said; null until its first. */
    /** @type {string | null} */
    let shown = null;
    window.addEventListener("message", (event) => {
      if (event.origin !== base || event.source !== frame.contentWindow) return;
      const data = event.data;
      if (!data || data.afterword !== true) return;
      if (data.type === "height" && typeof data.height === "number") frame.style.height = `${Math.ceil(data.height)}px`;
      if (data.type === "scroll" && typeof data.top === "number") {
        window.scrollTo({ top: frame.getBoundingClientRect().top + window.scrollY + data.top });
      }
      // The frame moved to another of its pages: its top into view, if the reader had scrolled past it. Its first
      // page (and a reload of it) is only noted: the reader may be anywhere on this page by then.
      if (data.type === "page" && typeof data.path === "string") {
        if (shown !== null && data.path !== shown && frame.getBoundingClientRect().top < 0) frame.scrollIntoView();
        shown = data.path;
      }
    });

    if (holder.hasAttribute("data-afterword-sections")) {
      const counts = new Map(article.sections.map((s) => [s.anchor, s.questionCount]));
      for (const heading of headings) {
        if (!counts.has(heading.id)) continue;
        const p = document.createElement("p");
        p.className = "afterword-section-link";
        const link = document.createElement("a");
        link.href = `#${holder.id}`;
        link.textContent = `Ask about this section (${counts.get(heading.id)})`;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          const id = encodeURIComponent(heading.id);
          open(`${article.frame}?section=${id}&ask=${id}#ask`);
          holder.scrollIntoView();
        });
        p.append(link);
        heading.after(p);
      }
    }
  }

  async function fillCounts() {
    const elements = [...document.querySelectorAll("[data-afterword-count]")];
    if (elements.length === 0) return;
    const query = new URLSearchParams();
    const keyOf = (/** @type {Element} */ el) => {
      const slug = el.getAttribute("data-afterword-article");
      if (slug) return { kind: "article", key: slug };
      const url = new URL(el.getAttribute("href") || location.href, location.href);
      return { kind: "url", key: url.origin + url.pathname };
    };
    for (const el of elements.slice(0, 100)) {
      const { kind, key } = keyOf(el);
      query.append(kind, key);
    }
    try {
      const response = await fetch(`${base}/embed/counts?${query}`, { credentials: "omit" });
      if (!response.ok) throw new Error(`Afterword answered ${response.status}`);
      /** @type {{ urls: Record<string, number>, articles: Record<string, number> }} */
      const counts = await response.json();
      for (const el of elements.slice(0, 100)) {
        const { kind, key } = keyOf(el);
        const n = (kind === "url" ? counts.urls : counts.articles)[key];
        if (typeof n === "number") el.textContent = questions(n);
      }
    } catch (error) {
      console.warn("Afterword:", error);
    }
  }

  const start = () => {
    const holder = document.querySelector("[data-afterword]");
    if (holder) embed(holder);
    fillCounts();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
