import type { ReactNode } from "react";

/**
 * A table wider than a phone scrolls inside this box, not the whole page; the
 * box is focusable and named, so keyboard and screen-reader users can scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
