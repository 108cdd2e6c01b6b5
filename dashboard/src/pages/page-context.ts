import type { Me } from '../api.ts';

/** What every page gets: who is signed in, the route's parameters, and a way to redraw. */
export interface PageContext {
  me: Me;
  params: Record<string, string>;
  /** Render the current route again (after a change that affects the whole page). */
  rerender: () => Promise<void>;
}
