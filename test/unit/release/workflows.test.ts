/**
 * The GitHub Actions workflows cannot run here, so they are checked the way GitHub reads them: by
 * GitHub's own workflow parser (@actions/workflow-parser, the schema and expression checker behind
 * the Actions editor), then for what the release process needs of them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = fileURLToPath(new URL('../../../.github/workflows/', import.meta.url));
const checker = fileURLToPath(new URL('./github-workflow-check.ts', import.meta.url));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  strategy?: { matrix: { os?: string[]; include?: { os: string }[] } };
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** GitHub's parser's errors for each workflow text (an empty list where GitHub would accept it). */
function githubErrors(files: { name: string; content: string }[]): string[][] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', checker], {
    input: JSON.stringify(files),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the workflow parser failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const read = (file: string): { text: string; workflow: Workflow } => {
  const text = readFileSync(path.join(dir, file), 'utf8');
  return { text, workflow: parse(text) as Workflow };
};
const osList = (job: Job): string[] =>
  job.strategy?.matrix.os ?? job.strategy?.matrix.include?.map((i) => i.os) ?? [];
const runs = (job: Job): string[] => job.steps.flatMap((s) => (s.run ? [s.run] : []));

describe('GitHub Actions workflows', () => {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

  it('are the CI and release workflows', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it('pass GitHub’s workflow parser, which refuses broken ones', () => {
    const ci = read('ci.yml').text;
    const broken = [
      // A misspelt key, an unclosed expression, an unknown context.
      ci.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}'),
      ci.replace('${{ matrix.chromium }}', '${{ matrix.chromium }'),
      ci.replace('${{ github.ref }}', '${{ gihub.ref }}'),
    ];
    const results = githubErrors([
      ...files.map((name) => ({ name, content: read(name).text })),
      ...broken.map((content, i) => ({ name: `broken-${i}.yml`, content })),
    ]);
    expect(results.slice(0, files.length)).toEqual(files.map(() => []));
    for (const errors of results.slice(files.length)) expect(errors.length).toBeGreaterThan(0);
  });

  it('only uses actions from GitHub’s own actions organisation, at a major version', () => {
    for (const file of files) {
      const { workflow } = read(file);
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
          if (step.uses) expect(step.uses, `${file}: ${step.uses}`).toMatch(/^actions\/[a-z-]+@v\d+$/);
        }
      }
    }
  });

  describe('ci.yml', () => {
    const { workflow } = read('ci.yml');
    const job = workflow.jobs['desktop']!;

    it('runs on pull requests and pushes to main, with read-only access', () => {
      expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
      expect(workflow.permissions).toEqual({ contents: 'read' });
    });

    it('covers Ubuntu, Windows and macOS', () => {
      expect(osList(job).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    });

    it('installs with npm ci on Node 22, tests, runs the Electron specs and packages, in that order', () => {
      const setupNode = job.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
      expect(setupNode?.with?.['node-version']).toBe(22);
      const order = ['npm ci', 'npm test', 'electron/install.js', '--project=electron', 'npm run dist'];
      const positions = order.map((cmd) => runs(job).findIndex((r) => r.includes(cmd)));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('runs the Electron specs under Xvfb on Linux only', () => {
      const electronSteps = job.steps.filter((s) => s.run?.includes('--project=electron'));
      const linux = electronSteps.find((s) => s.if === "runner.os == 'Linux'");
      const others = electronSteps.find((s) => s.if === "runner.os != 'Linux'");
      expect(linux?.run).toMatch(/^xvfb-run /);
      expect(others?.run).not.toMatch(/xvfb/);
    });

    it('uploads the unsigned installers of every format to the run', () => {
      const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
      const paths = String(upload?.with?.['path']);
      for (const ext of ['exe', 'dmg', 'zip', 'AppImage', 'deb', 'yml'])
        expect(paths).toContain(`dist/*.${ext}`);
      expect(upload?.with?.['if-no-files-found']).toBe('error');
    });

    it('never hands signing secrets to a pull request build', () => {
      expect(read('ci.yml').text).not.toMatch(/secrets\./);
    });
  });

  describe('release.yml', () => {
    const { workflow, text } = read('release.yml');

    it('runs on version tags only and checks the tag against package.json', () => {
      expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
      expect(runs(workflow.jobs['test']!).join('\n')).toContain('does not match package.json version');
    });

    it('tests first, then builds and publishes on all three systems with write access', () => {
      const publish = workflow.jobs['publish']!;
      expect(publish.needs).toBe('test');
      expect(osList(publish).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
      expect(publish.permissions).toEqual({ contents: 'write' });
      expect(workflow.permissions).toEqual({ contents: 'read' });
      const dist = publish.steps.find((s) => s.run === 'npm run dist -- --publish');
      expect(dist?.env?.['GH_TOKEN']).toBe('${{ secrets.GITHUB_TOKEN }}');
    });

    it('passes every signing and notarisation variable scripts/dist.ts reads', async () => {
      const { AZURE_SIGNING_ENV, APPLE_ID_ENV } = await import('../../../scripts/dist');
      const env = workflow.jobs['publish']!.steps.find((s) => s.run?.startsWith('npm run dist'))?.env ?? {};
      for (const name of [
        ...AZURE_SIGNING_ENV,
        ...APPLE_ID_ENV,
        'CSC_LINK',
        'CSC_KEY_PASSWORD',
        'WIN_CSC_LINK',
      ]) {
        expect(env[name], name).toMatch(/secrets\./);
      }
      // The macOS certificate must not reach Windows, where electron-builder falls back to CSC_LINK.
      expect(env['CSC_LINK']).toContain("runner.os == 'macOS'");
      expect(text).not.toMatch(/echo .*secrets\./);
    });
  });
});
