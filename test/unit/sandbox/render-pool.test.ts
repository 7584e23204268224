import { afterEach, describe, expect, it } from 'vitest';
import { RenderPool } from '../../../src-sandbox/render-pool';
import { renderEmailHtml, smsMessageInfo } from '../../../src-shared/template';

// The sandbox renders large templates in worker threads (issue 8 point 2): the answers must be the
// ones rendering in its own thread gives, and a render that runs away must end without taking the
// pool down with it.

const pools: RenderPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});
function pool(options: ConstructorParameters<typeof RenderPool>[0] = {}): RenderPool {
  const made = new RenderPool(options);
  pools.push(made);
  return made;
}

/**
 * Inputs of 4,096 characters or more (template and values together, object keys included) are
 * rendered in a worker (render-pool.ts: about 10 ms of work in the sandbox's thread at most).
 */
const LARGE_INPUT_CHARS = 4096;

describe('what goes to a worker', () => {
  it('counts the characters of the template, strings, keys and nested values', async () => {
    const p = pool();
    // The template `abc` (3), then `de` 2, `fgh` 3, `list` 4, `ij` 2, `k` 1, `l` 1: 16 characters; the
    // padding's key `p` is one more, and its value makes up the rest.
    const values = (padding: number) => ({
      de: 'fgh',
      list: ['ij', null, 3, { k: 'l' }],
      p: 'x'.repeat(padding),
    });
    const template = 'abc';
    const under = values(LARGE_INPUT_CHARS - 16 - 1 - 1);
    expect(await p.render('renderLetterBody', template, under)).toBe('abc');
    expect(p.workerCount).toBe(0);
    const at = values(LARGE_INPUT_CHARS - 16 - 1);
    expect(await p.render('renderLetterBody', template, at)).toBe('abc');
    expect(p.workerCount).toBe(1);
  }, 60_000);

  it('walks a list of millions of items without going to a worker for it', async () => {
    const p = pool();
    const list = Array.from({ length: 2_000_000 }, () => '');
    expect(await p.render('renderLetterBody', 'Items:((items))', { items: list })).toBe('Items:');
    expect(p.workerCount).toBe(0);
  }, 60_000);
});

describe('RenderPool', () => {
  it('answers as rendering in the sandbox’s own thread does', async () => {
    const p = pool();
    const personalisation = { body: '# Heading\n\nA "quoted" paragraph.\n\n* one\n* two\n'.repeat(500) };
    expect(await p.run('renderEmailHtml', ['((body))', personalisation])).toBe(
      renderEmailHtml('((body))', personalisation),
    );
    expect(await p.run('smsMessageInfo', ['Hi ((name))', { name: 'Ann …' }, 'Service'])).toEqual(
      smsMessageInfo('Hi ((name))', { name: 'Ann …' }, 'Service'),
    );
    expect(p.workerCount).toBe(1);
  }, 60_000);

  it('ends a render that takes too long, and serves the next one', async () => {
    const p = pool({ timeLimitMs: 300 });
    // Two million paragraphs: seconds of work, not 300 ms.
    const runaway = p.run('renderEmailHtml', ['((body))', { body: 'a\n\n'.repeat(2_000_000) }]);
    await expect(runaway).rejects.toMatchObject({
      name: 'RenderTimeoutError',
      message: 'renderEmailHtml took over 300 ms',
    });
    expect(p.workerCount).toBe(0);
    expect(await p.run('renderLetterBody', ['Dear ((name))', { name: 'Ann' }])).toBe('Dear Ann');
  }, 60_000);

  it('runs two renders at once and queues the rest', async () => {
    const p = pool({ maxWorkers: 2 });
    const bodies = ['a', 'b', 'c', 'd'].map((c) => `${c}\n\n`.repeat(5_000));
    const html = await Promise.all(bodies.map((body) => p.run('renderEmailHtml', ['((body))', { body }])));
    expect(html).toEqual(bodies.map((body) => renderEmailHtml('((body))', { body })));
    expect(p.workerCount).toBeLessThanOrEqual(2);
  }, 60_000);

  it('fails the jobs of a closed pool', async () => {
    const p = pool();
    const pending = p.run('renderEmailHtml', ['((body))', { body: 'a\n\n'.repeat(50_000) }]);
    // Attached before closing: the job fails during close().
    const failed = expect(pending).rejects.toThrow('render pool closed');
    await p.close();
    await failed;
    expect(p.workerCount).toBe(0);
  }, 60_000);
});

describe('render', () => {
  it('renders small and large inputs alike', async () => {
    const p = pool();
    const small = { body: 'word '.repeat(10) };
    const large = { body: 'word '.repeat(LARGE_INPUT_CHARS) };
    expect(await p.render('renderEmailHtml', '((body))', small)).toBe(renderEmailHtml('((body))', small));
    expect(p.workerCount).toBe(0);
    expect(await p.render('renderEmailHtml', '((body))', large)).toBe(renderEmailHtml('((body))', large));
    expect(p.workerCount).toBe(1);
  }, 60_000);
});
