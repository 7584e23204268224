/**
 * A web page cannot read or drive the Notify Sandbox's control API, in a real browser.
 *
 * The sandbox runs as `npm run sandbox` does (its CLI, in a child process), once without and once
 * with a control secret. A page served from another localhost port tries everything a page can:
 * read `/_sandbox/info` and `/_sandbox/notifications`, add a fault and reset the sandbox with
 * `fetch` (CORS and no-cors), a form, a beacon and a script tag. None of it reads anything or
 * changes anything, checked from outside the browser. A page whose host name resolves to 127.0.0.1
 * (DNS rebinding) is refused too. Notify's own routes keep Notify's CORS headers, as Notify's do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './fixtures';

const SECRET_HEADER = 'X-Sandbox-Secret';

interface RunningSandbox {
  url: string;
  port: number;
  serviceId: string;
  testKey: string;
  child: ChildProcess;
}

/** `npm run sandbox -- --port 0 --json`, with `NOTIFY_SANDBOX_CONTROL_SECRET` when given. */
async function startSandboxCli(secret: string | null): Promise<RunningSandbox> {
  const env = { ...process.env };
  if (secret) env.NOTIFY_SANDBOX_CONTROL_SECRET = secret;
  else delete env.NOTIFY_SANDBOX_CONTROL_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-sandbox/cli.ts', '--port', '0', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  const info = JSON.parse(line) as {
    base_url: string;
    services: { id: string; api_keys: { key_type: string; api_key: string }[] }[];
  };
  const service = info.services[0]!;
  return {
    url: info.base_url,
    port: Number(new URL(info.base_url).port),
    serviceId: service.id,
    testKey: service.api_keys.find((k) => k.key_type === 'test')!.api_key,
    child,
  };
}

/** A JWT as Notify's clients sign one. */
function jwt(apiKey: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const h = b64({ alg: 'HS256', typ: 'JWT' });
  const p = b64({ iss: apiKey.slice(-73, -37), iat: Math.floor(Date.now() / 1000) });
  return `${h}.${p}.${createHmac('sha256', apiKey.slice(-36)).update(`${h}.${p}`).digest('base64url')}`;
}

/** Control API calls from outside the browser (a local tool), to see what the page changed. */
function control(sb: RunningSandbox, secret: string | null) {
  return async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = method === 'GET' ? {} : { 'Content-Type': 'application/json' };
    if (secret) headers[SECRET_HEADER] = secret;
    const res = await fetch(`${sb.url}/_sandbox${path}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    expect(res.status, `${method} ${path}`).toBeLessThan(300);
    return res.json() as Promise<any>;
  };
}

/** The hostile page's site: an empty page on another localhost port. */
async function startEvilSite(): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Not the sandbox</title><p>A page on another site.</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Everything a page can try against the control API; what it could read, per attempt. */
async function attack(page: Page, base: string, serviceId: string): Promise<Record<string, string>> {
  return page.evaluate(
    async ({ base, serviceId }) => {
      const out: Record<string, string> = {};
      const attempt = async (name: string, f: () => Promise<string>) => {
        try {
          out[name] = await f();
        } catch (err) {
          out[name] = `blocked: ${(err as Error).name}`;
        }
      };
      await attempt('read info', async () => (await fetch(`${base}/_sandbox/info`)).text());
      await attempt('read notifications', async () =>
        (await fetch(`${base}/_sandbox/notifications?service_id=${serviceId}`)).text(),
      );
      await attempt('add a fault (JSON, preflighted)', async () =>
        (
          await fetch(`${base}/_sandbox/faults`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Sandbox-Secret': 'a guess' },
            body: JSON.stringify({ kind: 'error', status: 503 }),
          })
        ).text(),
      );
      await attempt('add a fault (no-cors, text/plain)', async () => {
        const r = await fetch(`${base}/_sandbox/faults`, {
          method: 'POST',
          mode: 'no-cors',
          body: JSON.stringify({ kind: 'error', status: 503 }),
        });
        return `opaque ${r.type}`;
      });
      await attempt('reset (no-cors)', async () => {
        const r = await fetch(`${base}/_sandbox/reset`, { method: 'POST', mode: 'no-cors', body: '{}' });
        return `opaque ${r.type}`;
      });
      await attempt('reset (beacon)', async () =>
        String(navigator.sendBeacon(`${base}/_sandbox/reset`, '{}')),
      );
      await attempt('reset (form in a frame)', async () => {
        const frame = document.createElement('iframe');
        frame.name = 'target';
        document.body.append(frame);
        const form = document.createElement('form');
        form.method = 'POST';
        form.enctype = 'text/plain';
        form.action = `${base}/_sandbox/reset`;
        form.target = 'target';
        const field = document.createElement('input');
        field.name = '{"a":"';
        field.value = '"}';
        form.append(field);
        document.body.append(form);
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        form.submit();
        await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 3000))]);
        try {
          return `frame readable: ${frame.contentDocument?.body?.textContent ?? ''}`;
        } catch {
          return 'frame not readable';
        }
      });
      await attempt('read info (script tag)', async () => {
        const script = document.createElement('script');
        script.src = `${base}/_sandbox/info`;
        const done = new Promise<string>((resolve) => {
          script.onload = () => resolve('loaded');
          script.onerror = () => resolve('blocked: error');
        });
        document.body.append(script);
        return done;
      });
      return out;
    },
    { base, serviceId },
  );
}

for (const secretMode of [false, true]) {
  test.describe(`a page on another localhost port, ${secretMode ? 'with' : 'without'} a control secret`, () => {
    const secret = secretMode ? `secret-${Date.now()}` : null;
    let sb: RunningSandbox;
    let evil: { server: Server; port: number };
    let browser: Browser;

    test.beforeAll(async () => {
      sb = await startSandboxCli(secret);
      evil = await startEvilSite();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rebind.example 127.0.0.1'],
      });
    });
    test.afterAll(async () => {
      await browser?.close();
      evil?.server.close();
      if (sb) {
        const exited = new Promise((resolve) => sb.child.once('exit', resolve));
        sb.child.kill('SIGTERM');
        await exited;
      }
    });

    test('cannot read the control API, add a fault or reset the sandbox', async () => {
      const ctl = control(sb, secret);
      // A notification the page must not be able to wipe, and no faults to begin with.
      const sent = await fetch(`${sb.url}/v2/notifications/sms`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${jwt(sb.testKey)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          phone_number: '07700900123',
          template_id: (await ctl('GET', '/info')).services[0].templates.find((t: any) => t.type === 'sms')
            .id,
          personalisation: { name: 'Page', code: '1' },
        }),
      });
      expect(sent.status).toBe(201);
      const { id } = (await sent.json()) as { id: string };

      const context = await browser.newContext();
      try {
        for (const origin of [`http://127.0.0.1:${evil.port}`, `http://localhost:${evil.port}`]) {
          const page = await context.newPage();
          await page.goto(`${origin}/`);
          const results = await attack(page, sb.url, sb.serviceId);
          expect(results['read info']).toBe('blocked: TypeError');
          expect(results['read notifications']).toBe('blocked: TypeError');
          expect(results['add a fault (JSON, preflighted)']).toBe('blocked: TypeError');
          // A no-cors call goes out but its answer is opaque, or blocked outright (the answers are
          // Cross-Origin-Resource-Policy: same-origin); either way it must change nothing (below).
          expect(['opaque opaque', 'blocked: TypeError']).toContain(
            results['add a fault (no-cors, text/plain)'],
          );
          expect(['opaque opaque', 'blocked: TypeError']).toContain(results['reset (no-cors)']);
          expect(results['reset (form in a frame)']).not.toContain('api_key');
          expect(results['read info (script tag)']).toBe('blocked: error');
          for (const value of Object.values(results)) {
            expect(value).not.toContain(sb.testKey);
            expect(value).not.toContain('07700900123');
          }
          await page.close();
        }
      } finally {
        await context.close();
      }
      // Nothing changed: no fault, the notification still there.
      expect((await ctl('GET', '/faults')).faults).toEqual([]);
      expect((await ctl('GET', `/notifications/${id}`)).id).toBe(id);
    });

    test('a page whose host name points at 127.0.0.1 (DNS rebinding) is refused', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const response = await page.goto(`http://rebind.example:${sb.port}/_sandbox/info`);
        expect(response!.status()).toBe(403);
        const text = await response!.text();
        expect(JSON.parse(text).message).toContain(`not Host “rebind.example:${sb.port}”`);
        expect(text).not.toContain(sb.testKey);
        // Nor can that page fetch anything of its own: control answers carry CSP default-src 'none'.
        const own = await page.evaluate(async () => {
          try {
            return String((await fetch('/_sandbox/info')).status);
          } catch (err) {
            return `blocked: ${(err as Error).name}`;
          }
        });
        expect(own).toBe('blocked: TypeError');
      } finally {
        await context.close();
      }
    });

    test('Notify’s own API keeps its CORS headers: a page can read its answers, as from Notify', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${evil.port}/`);
        const read = await page.evaluate(async (base) => {
          const status = await fetch(`${base}/_status?simple=1`);
          const v2 = await fetch(`${base}/v2/templates`);
          return { status: await status.text(), v2: v2.status, v2Body: await v2.text() };
        }, sb.url);
        expect(JSON.parse(read.status)).toEqual({ status: 'ok' });
        expect(read.v2).toBe(401);
        expect(JSON.parse(read.v2Body).errors[0].message).toBe(
          'Unauthorized: authentication token must be provided',
        );
      } finally {
        await context.close();
      }
    });
  });
}
