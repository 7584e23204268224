/**
 * LoadState, the one loading / error / empty block: what a person sees for each state of a
 * fetched value, rendered to HTML as the browser gets it, and "Try again" reaching the reload.
 * A paged list goes through it with pagedLoadable, so its first page and "none" are told apart.
 */
import { createElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { RpcError } from '../../../src-main/contract/result';
import { ErrorPanel } from '../../../src-renderer/components/error-panel';
import { LoadState } from '../../../src-renderer/components/states';
import { idle, pagedLoadable, type Loadable, type LoadStatus } from '../../../src-renderer/state/loadable';

const FAILURE: RpcError = { code: 'transport', message: 'The console did not answer.' };

type Props = Parameters<typeof LoadState<string[]>>[0];

function view(loadable: Loadable<string[]> | undefined, extra: Partial<Props> = {}): string {
  return renderToStaticMarkup(
    createElement(LoadState<string[]>, {
      loadable,
      loadingLabel: 'Loading templates…',
      errorTitle: 'Could not load templates',
      isEmpty: (v) => v.length === 0,
      empty: createElement('p', { 'data-testid': 'none' }, 'This service has no templates'),
      children: (v) => createElement('ul', { 'data-testid': 'list' }, v.join(', ')),
      ...extra,
    }),
  );
}

const state = (status: LoadStatus, value: string[] | null, error: RpcError | null = null) => ({
  status,
  value,
  error,
});

describe('LoadState', () => {
  it('shows the spinner and nothing else while the first load runs', () => {
    const html = view(state('loading', null));
    expect(html).toContain('role="status"');
    expect(html).toContain('Loading templates…');
    expect(html).not.toContain('error-panel');
    expect(html).not.toContain('data-testid="none"');
    expect(html).not.toContain('data-testid="list"');
  });

  it('shows a loadable not asked for yet as loading: the screen asks as it mounts', () => {
    expect(view(undefined)).toBe(view(state('loading', null)));
  });

  it('shows nothing for an idle loadable: no load is coming', () => {
    expect(view(idle())).toBe('');
  });

  it('shows the value, and keeps it without a spinner while a reload runs', () => {
    expect(view(state('ready', ['Welcome', 'Reminder']))).toBe(
      '<ul data-testid="list">Welcome, Reminder</ul>',
    );
    const reloading = view(state('loading', ['Welcome']));
    expect(reloading).toBe('<ul data-testid="list">Welcome</ul>');
  });

  it('with reloadSpinner, shows the spinner above the kept value during a reload only', () => {
    const reloading = view(state('loading', ['Welcome']), { reloadSpinner: true });
    expect(reloading.indexOf('Loading templates…')).toBeGreaterThanOrEqual(0);
    expect(reloading.indexOf('Loading templates…')).toBeLessThan(reloading.indexOf('data-testid="list"'));
    expect(view(state('ready', ['Welcome']), { reloadSpinner: true })).not.toContain('Loading templates…');
  });

  it('shows the empty state, not the children, for an empty value, and keeps it during a reload', () => {
    for (const s of [state('ready', []), state('loading', [])]) {
      const html = view(s);
      expect(html).toContain('This service has no templates');
      expect(html).not.toContain('data-testid="list"');
      expect(html).not.toContain('Loading templates…');
    }
  });

  it('shows the error with its title and message, and Try again only with onRetry', () => {
    const withRetry = view(state('error', null, FAILURE), { onRetry: () => undefined });
    expect(withRetry).toContain('role="alert"');
    expect(withRetry).toContain('Could not load templates');
    expect(withRetry).toContain('The console did not answer.');
    expect(withRetry).toContain('Try again');
    expect(withRetry).not.toContain('data-testid="none"');
    expect(withRetry).not.toContain('data-testid="list"');
    expect(view(state('error', null, FAILURE))).not.toContain('Try again');
  });

  it('shows a failed reload as the error above the value it kept', () => {
    const html = view(state('error', ['Welcome'], FAILURE));
    expect(html).toContain('Could not load templates');
    expect(html.indexOf('error-panel')).toBeLessThan(html.indexOf('data-testid="list"'));
  });

  it('calls onRetry from Try again', () => {
    const retry = vi.fn();
    const panel = findElement(
      LoadState({
        loadable: state('error', null, FAILURE),
        loadingLabel: 'Loading templates…',
        errorTitle: 'Could not load templates',
        onRetry: retry,
      }),
      (el) => el.type === ErrorPanel,
    );
    const button = findElement(ErrorPanel(panel!.props as Parameters<typeof ErrorPanel>[0]), (el) =>
      textOf(el).includes('Try again'),
    );
    (button!.props as { onClick: () => void }).onClick();
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

describe('pagedLoadable', () => {
  const list = (status: LoadStatus, error: RpcError | null = null) => ({ status, error });

  it('has no value while the first page is on its way, so the spinner shows, not "none"', () => {
    expect(pagedLoadable(list('loading'), []).value).toBeNull();
    expect(view(pagedLoadable(list('loading'), []))).toContain('Loading templates…');
    expect(view(pagedLoadable(list('idle'), []))).toBe('');
  });

  it('has the empty list as its value once a page came empty, so the empty state shows', () => {
    expect(view(pagedLoadable(list('ready'), []))).toContain('This service has no templates');
  });

  it('keeps rows already loaded as the value while loading or after a failure', () => {
    expect(pagedLoadable(list('loading'), ['a']).value).toEqual(['a']);
    const failed = view(pagedLoadable(list('error', FAILURE), ['a']));
    expect(failed).toContain('Could not load templates');
    expect(failed).toContain('<ul data-testid="list">a</ul>');
  });

  it('shows a first page that failed as the error alone, not as "none"', () => {
    const html = view(pagedLoadable(list('error', FAILURE), []));
    expect(html).toContain('Could not load templates');
    expect(html).not.toContain('This service has no templates');
  });
});

/** The first element in a rendered tree (function components are not expanded) that matches. */
function findElement(node: ReactNode, match: (el: ReactElement) => boolean): ReactElement | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findElement(child as ReactNode, match);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  if (match(node)) return node;
  return findElement((node.props as { children?: ReactNode }).children, match);
}

function textOf(el: ReactElement): string {
  const children = (el.props as { children?: ReactNode }).children;
  return typeof children === 'string' ? children : '';
}
