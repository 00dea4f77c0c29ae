// Vitest global setup: the end-to-end tests drive the built app, so build it when stale.
// @ts-expect-error: a plain JS helper shared with the npm prepare script.
import { buildWeb, isWebStale } from './build-web.js';

export default function setup(): void {
  if ((isWebStale as () => boolean)()) (buildWeb as () => boolean)();
}
