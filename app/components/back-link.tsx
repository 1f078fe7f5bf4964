import type { ReactNode } from "react";
import { Link } from "@remix-run/react";

/** The way back from a page to the one it belongs to, above its title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="breadcrumb">
      <Link to={to}>← {children}</Link>
    </p>
  );
}
