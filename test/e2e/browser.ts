/** Shared set-up of the end-to-end tests: Debian's Chromium through playwright-core, and graph clicks. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// The browser's window inside page.evaluate/waitForFunction callbacks (the test hook of network-graph.tsx).
declare const window: {
  __takedownGraph?: {
    edges: () => string[];
    edgeViewportPosition: (edge: string) => { x: number; y: number } | null;
  };
};

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

/** Headless Chromium with no background traffic (this machine's network is closed) and software WebGL. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  });
}

/** Waits until the cluster graph has drawn its edges. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.__takedownGraph !== undefined && window.__takedownGraph.edges().length > 0,
  );
}

/**
 * Clicks drawn edges at their screen midpoints (sigma's edge picking) until `selector` appears;
 * a midpoint that sits on a node navigates away, so it goes back and tries the next edge.
 * Returns whether the evidence opened.
 */
export async function openEdgeEvidence(
  page: Page,
  options: { selector: string; tries: number; timeoutMs: number },
): Promise<boolean> {
  const edges = await page.evaluate(() => window.__takedownGraph?.edges() ?? []);
  for (const edge of edges.slice(0, options.tries)) {
    const pos = await page.evaluate(
      (e) => window.__takedownGraph?.edgeViewportPosition(e) ?? null,
      edge,
    );
    if (!pos) continue;
    await page.mouse.click(pos.x, pos.y);
    try {
      await page.waitForSelector(options.selector, { timeout: options.timeoutMs });
      return true;
    } catch {
      if (!page.url().includes('/clusters/')) {
        await page.goBack();
        await page.waitForFunction(() => window.__takedownGraph !== undefined);
      }
    }
  }
  return false;
}
