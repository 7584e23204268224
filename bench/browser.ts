/**
 * Browser mode in Debian's Chromium: cold start to an interactive console, and a 50,000-row history.
 *
 * Targets (issue 4): interactive within 1.5 s of opening the URL; no main-thread task over 50 ms
 * while scrolling 50,000 rows. Baselines measured in the same run: navigating the same browser to a
 * static file from the same host (cold start), and the same scroll over the first 250 rows
 * (scrolling). Needs `npm run build` first (the runner builds when out/ is missing).
 * Run: `npm run bench -- browser`.
 */
import { createHmac } from 'node:crypto';
import { chromium, type Page } from '@playwright/test';
import { startConsoleProcess } from '../test/support/console-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ROWS = Number(process.env.BENCH_HISTORY_ROWS ?? 50_000);

async function fillHistory(sandboxUrl: string, secret: string, count: number) {
  const control = { 'X-Sandbox-Secret': secret };
  const info = (await (await fetch(`${sandboxUrl}/_sandbox/info`, { headers: control })).json()) as any;
  const service = info.services[0];
  const key: string = service.api_keys.find((k: any) => k.key_type === 'test').api_key;
  const template = service.templates.find((t: any) => t.name === 'Verification code').id;
  // Notify's rate limit (3,000 a minute) would refuse most of a fast fill: lift it for this service.
  const lifted = await fetch(`${sandboxUrl}/_sandbox/services/${service.id}`, {
    method: 'PATCH',
    headers: { ...control, 'Content-Type': 'application/json' },
    body: JSON.stringify({ rate_limit: 100_000_000 }),
  });
  if (!lifted.ok)
    throw new Error(`could not lift the sandbox's rate limit: ${lifted.status} ${await lifted.text()}`);
  // The console's sandbox models Notify's response times; this bench measures the console, so the
  // sandbox answers at once (as the figures recorded before response times were modelled).
  const instant = await fetch(`${sandboxUrl}/_sandbox/latency`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mode: 'none' }),
  });
  if (!instant.ok)
    throw new Error(`could not turn the sandbox's latency off: ${instant.status} ${await instant.text()}`);
  const h = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const token = () => {
    const p = Buffer.from(JSON.stringify({ iss: service.id, iat: Math.floor(Date.now() / 1000) })).toString(
      'base64url',
    );
    return `${h}.${p}.${createHmac('sha256', key.slice(-36)).update(`${h}.${p}`).digest('base64url')}`;
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        const i = next++;
        const r = await fetch(`${sandboxUrl}/v2/notifications/sms`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            phone_number: '07700900123',
            template_id: template,
            personalisation: { name: `n${i}`, code: String(i) },
            reference: `bench-${i}`,
          }),
        });
        await r.arrayBuffer();
        if (r.status !== 201) throw new Error(`fill: sandbox answered ${r.status}`);
      }
    }),
  );
}

/** Scrolls the history list in wheel steps and returns the long tasks seen meanwhile. */
async function scrollAndMeasure(
  page: Page,
  steps: number,
): Promise<{
  maxTaskMs: number;
  tasksOver50: number;
  frames: number;
  p95FrameMs: number;
  maxFrameMs: number;
}> {
  // In-page code as strings: this file is type-checked without the DOM library.
  await page.evaluate(`(() => {
    window.__tasks = [];
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => { window.__frames.push(t); if (window.__recording) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  })()`);
  const nextFrame = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))';
  const list = page.getByTestId('history-list');
  const box = await list.boundingBox();
  await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 3000);
    await page.evaluate(nextFrame);
  }
  // A jump to the end, as the End key does.
  await page.evaluate(
    `(() => { const v = document.querySelector('[data-testid="history-list"] .vlist__viewport'); if (v) v.scrollTop = v.scrollHeight; })()`,
  );
  await page.evaluate(nextFrame);
  const tasks = (await page.evaluate('window.__tasks')) as number[];
  const frames = (await page.evaluate('(window.__recording = false, window.__frames)')) as number[];
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .sort((a, b) => a - b);
  return {
    maxTaskMs: Math.max(0, ...tasks),
    tasksOver50: tasks.filter((t) => t > 50).length,
    frames: gaps.length,
    p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    maxFrameMs: gaps[gaps.length - 1] ?? 0,
  };
}

export async function benchBrowser(): Promise<string[]> {
  const out: string[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const con = await startConsoleProcess({ sandboxTimeScale: 0.001 });
  try {
    // Cold start: a new browser context (empty cache) opening the tokenised URL until the Send screen answers.
    const base = con.url.split('#')[0]!;
    const baselineCtx = await browser.newContext();
    const bp = await baselineCtx.newPage();
    const b0 = performance.now();
    await bp.goto(`${base}favicon.ico`).catch(() => undefined);
    await bp.goto(base);
    const baselineMs = performance.now() - b0;
    await baselineCtx.close();

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const t0 = performance.now();
    await page.goto(con.url);
    await page
      .getByRole('combobox', { name: /template/i })
      .first()
      .waitFor({ state: 'visible' });
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('select option').length > 1,
    );
    const interactiveMs = performance.now() - t0;
    out.push('| measure | ms |', '|---|---|');
    out.push(`| console process start until its URL is printed | ${con.startMs.toFixed(0)} |`);
    out.push(`| baseline: same browser opens a static page from the same host | ${baselineMs.toFixed(0)} |`);
    out.push(
      `| cold start: URL opened until the Send screen lists templates | ${interactiveMs.toFixed(0)} |`,
    );
    out.push('');
    out.push(
      `cold start: ${interactiveMs.toFixed(0)} ms (target ≤ 1500 ms); ratio to the static-page baseline ${(interactiveMs / baselineMs).toFixed(2)}`,
    );

    // History: fill the sandbox, open History, load every page.
    const f0 = performance.now();
    await fillHistory(con.sandboxUrl, con.sandboxSecret, ROWS);
    out.push(
      `filled the sandbox with ${ROWS} notifications in ${((performance.now() - f0) / 1000).toFixed(1)} s`,
    );
    await page.keyboard.press('g');
    await page.keyboard.press('h');
    const r0 = performance.now();
    await page.getByTestId('history-row').first().waitFor();
    const firstRenderMs = performance.now() - r0;
    const baselineScroll = await scrollAndMeasure(page, 10);
    const l0 = performance.now();
    const loadMore = page.getByRole('button', { name: 'Load more' });
    for (;;) {
      const text = (await page.getByTestId('history-count').textContent()) ?? '';
      if (!/more available/.test(text)) break;
      await loadMore.click();
      await page.waitForFunction(
        (prev) =>
          (globalThis as any).document.querySelector('[data-testid="history-count"]')?.textContent !== prev,
        text,
      );
    }
    const loadAllMs = performance.now() - l0;
    const count = (await page.getByTestId('history-count').textContent()) ?? '';
    const rowsInDom = await page.getByTestId('history-row').count();
    const scroll = await scrollAndMeasure(page, 60);
    out.push(
      `history first render (250 rows): ${firstRenderMs.toFixed(0)} ms; loading every page to "${count.split('·')[0]!.trim()}" took ${(loadAllMs / 1000).toFixed(1)} s; rows in the DOM while showing them: ${rowsInDom}`,
    );
    // The Long Tasks API reports only tasks of 50 ms or more, so "none" is the target met; frame
    // intervals from requestAnimationFrame show how smooth the scrolling was.
    out.push(
      `scrolling ${ROWS} rows: ${scroll.tasksOver50} main-thread tasks of 50 ms or more (target: none), frames p95 ${scroll.p95FrameMs.toFixed(1)} ms, longest ${scroll.maxFrameMs.toFixed(1)} ms over ${scroll.frames} frames; baseline (250 rows): ${baselineScroll.tasksOver50} long tasks, frames p95 ${baselineScroll.p95FrameMs.toFixed(1)} ms, longest ${baselineScroll.maxFrameMs.toFixed(1)} ms; ratio of p95 frame ${(scroll.p95FrameMs / Math.max(0.1, baselineScroll.p95FrameMs)).toFixed(2)}`,
    );
    await ctx.close();
  } finally {
    await browser.close();
    await con.stop();
  }
  return out;
}
