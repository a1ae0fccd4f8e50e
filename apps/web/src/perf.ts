/**
 * Marks when a page first shows its data (`nct:ready:<page>`), for the bench's time to first
 * useful paint (scripts/src/bench-web.ts). Once per page load.
 */
const marked = new Set<string>();

export function markReady(page: string): void {
  if (marked.has(page) || typeof performance === 'undefined') return;
  marked.add(page);
  // After the browser has painted the frame that shows it.
  requestAnimationFrame(() => setTimeout(() => performance.mark(`nct:ready:${page}`), 0));
}
