/**
 * What end-to-end tests share: Debian's Chromium through playwright-core (browsers cannot be
 * downloaded here), and a real Caravan server on a loopback port over a fresh database.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type Locator, chromium } from 'playwright-core';
import { createApp } from '../../src/http/app.tsx';
import { loadConfig } from '../../src/app/config.ts';
import { type AppContext, contextFor } from '../../src/app/context.ts';
import { openTestDb } from '../../src/store/testing.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or undefined when they can. In CI nothing may skip:
 * a missing browser there is a failure, not a skip.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`${reason}; CI must run the browser tests`);
  return reason;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without these Chromium keeps dialling Google's services, which this network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface RunningServer {
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const db = await openTestDb();
  const config = loadConfig({ CARAVAN_DATA: '/nonexistent-e2e-data', CARAVAN_ORIGIN: 'http://127.0.0.1' });
  const ctx = contextFor(config, db);
  const server = serve({ fetch: createApp(ctx).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  ctx.config.origin = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    async close() {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export async function screenshotDir(): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return SCREENSHOTS;
}

/**
 * The width an image loaded at, once it has loaded or failed (0 when refused or broken): on a
 * busy machine an image may not have arrived when the page's load event already fired.
 */
export function loadedWidth(img: Locator): Promise<number> {
  return img.evaluate(
    (el: HTMLImageElement) =>
      new Promise<number>((resolve) => {
        if (el.complete) return resolve(el.naturalWidth);
        el.addEventListener('load', () => resolve(el.naturalWidth), { once: true });
        el.addEventListener('error', () => resolve(0), { once: true });
      }),
  );
}
