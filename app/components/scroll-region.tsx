import type { ReactNode } from "react";

/**
 * A wide table's sideways-scrolling box. Keyboard users scroll it too: it is focusable and named,
 * as WCAG 2.1.1 asks of any scrollable region (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
