/**
 * The shared template rules on long text (issue 8 point 2): each is linear, so twice the input
 * takes about twice the time. For each input the rule is timed at N and 2N characters (best of a few
 * runs) and the ratio printed: about 2 is linear, about 4 quadratic. The baseline, in the same run,
 * is the plainest text (`word ` repeated). The inputs are the shapes that once made a rule
 * quadratic or worse: Markdown of unclosed links, brackets, fences, table pipes and whitespace
 * lines; an SMS and a letter's QR-code check of the same.
 *
 * Run: `npm run bench -- template` (TEMPLATE_BENCH_CHARS for N, default 500,000).
 */
import {
  letterQrCodesForTemplate,
  renderEmailHtml,
  smsMessageInfo,
  type Personalisation,
} from '../src-shared/template';

const N = Number(process.env.TEMPLATE_BENCH_CHARS ?? 500_000);
const RUNS = 3;

const INPUTS = [
  'word ',
  'a\n\n',
  '[a](',
  '[a](b "',
  '[',
  '[^',
  '~~~ a\n',
  '|',
  'a\n\u2000\n',
  '- a\n',
  'qr: [a](b)\n\n',
];
const RULES: Record<string, (body: Personalisation) => unknown> = {
  'email html': (p) => renderEmailHtml('((body))', p),
  sms: (p) => smsMessageInfo('((body))', p, 'Service'),
  'letter QR codes': (p) => letterQrCodesForTemplate('((body))', p),
};

function best(fn: () => unknown): number {
  let least = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    least = Math.min(least, performance.now() - start);
  }
  return least;
}

export async function benchTemplate(): Promise<string[]> {
  const lines = [
    `N = ${N} characters; ratio = time(2N) / time(N), best of ${RUNS}`,
    '',
    '| rule | input | ms at N | ms at 2N | ratio |',
    '| ---- | ----- | ------- | -------- | ----- |',
  ];
  for (const [name, rule] of Object.entries(RULES)) {
    for (const unit of INPUTS) {
      const body = (n: number) => ({ body: unit.repeat(Math.ceil(n / unit.length)) });
      const [small, large] = [body(N), body(2 * N)];
      const once = best(() => rule(small));
      const twice = best(() => rule(large));
      lines.push(
        `| ${name} | ${JSON.stringify(unit).replaceAll('|', '\\|')} | ${once.toFixed(1)} | ${twice.toFixed(1)} | ${(twice / Math.max(once, 0.1)).toFixed(2)} |`,
      );
    }
  }
  return lines;
}
