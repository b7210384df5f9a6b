import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_CHARTS } from './charts/chart-names.js';
import { renderReport } from './render.js';
import { sampleReport } from './sample-report.js';

// Debian's chromium by default; S2B2B_CHROMIUM points at another build. Without one the test is
// skipped with a message, except on CI, where a missing browser is a failure.
const executablePath = process.env.S2B2B_CHROMIUM ?? '/usr/bin/chromium';
const found = existsSync(executablePath);
const onCi = Boolean(process.env.CI);
const screenshot = fileURLToPath(new URL('../../test-artifacts/report.png', import.meta.url));

if (!found && !onCi) {
  console.warn(
    `render.browser.test: skipped, no Chromium at ${executablePath} (install Debian's chromium or set S2B2B_CHROMIUM)`,
  );
}

describe.skipIf(!found && !onCi)('renderReport in headless Chromium', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!found)
      throw new Error(`CI is set but no Chromium was found at ${executablePath} (set S2B2B_CHROMIUM)`);
    browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart from the file alone, without one network request, and writes a screenshot', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.route('**', (route) => route.abort());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    await page.setContent(renderReport(sampleReport()), { waitUntil: 'load' });

    for (const name of REPORT_CHARTS) {
      const chart = page.locator(`[data-chart="${name}"]`);
      expect(await chart.count(), name).toBe(1);
      await expect.poll(() => chart.isVisible(), { message: name }).toBe(true);
      expect(await chart.locator('h2').textContent(), name).not.toBe('');
      const svgs = chart.locator('svg');
      expect(await svgs.count(), name).toBeGreaterThan(0);
      for (const svg of await svgs.all()) {
        const box = await svg.boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.width, name).toBeGreaterThan(50);
        expect(box!.height, name).toBeGreaterThan(50);
      }
      const drawn = await chart.locator('svg path, svg rect, svg circle, svg line').count();
      expect(drawn, name).toBeGreaterThan(0);
      expect(await chart.locator('svg.chart-empty').count(), `${name} is not empty`).toBe(0);
    }
    // Each chart draws what its data holds.
    expect(await page.locator('[data-chart="forecast"] figure').count()).toBe(4);
    expect(await page.locator('[data-chart="routes"] path.route').count()).toBe(12);
    expect(await page.locator('[data-chart="transfers"] g.flow').count()).toBe(8);
    expect(await page.locator('.headline').count()).toBe(8);

    await mkdir(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a note in place of each chart when the day has no data', async () => {
    const empty = sampleReport();
    empty.forecast = { series: [], accuracy: [] };
    empty.stock = [];
    empty.transfers = { ...empty.transfers, transfers: [] };
    empty.routes = [];
    empty.savings = { ...empty.savings, merchants: [] };
    empty.segments = { sizes: [], movements: [] };
    empty.sla = { clocks: [], compliance: [] };
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**', (route) => route.abort());
    await page.setContent(renderReport(empty), { waitUntil: 'load' });
    for (const name of REPORT_CHARTS) {
      const note = page.locator(`[data-chart="${name}"] svg.chart-empty`);
      expect(await note.count(), name).toBe(1);
      expect(await note.isVisible(), name).toBe(true);
      expect(await note.locator('text').innerHTML(), name).toMatch(/^No /);
    }
    await page.close();
  });
});
