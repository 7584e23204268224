/**
 * Presentation mode's masking.
 *
 * Personal data (recipients, personalisation, rendered bodies and subjects, references, key hints)
 * is marked, never removed: `<Sensitive>` around a value, or a `data-sensitive` attribute on an
 * element or form field. While presentation mode is on, `<html data-presenting>` makes the
 * stylesheet paint every marked element as a solid bar with transparent text (a blur can be
 * undone; a bar cannot), unselectable, and frames (email previews, letter PDFs) as a labelled
 * neutral panel. `<Sensitive>` also swaps the value for the word "hidden" for screen readers;
 * {@link useApplyPresentation} hides plain `data-sensitive` elements from them.
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../state/context';
import './sensitive.css';

/** Whether presentation mode is on. */
function usePresenting(): boolean {
  return useAppStore((s) => s.presenting);
}

/**
 * A value to mask in presentation mode. `title` (a tooltip repeating the value) is dropped while
 * presenting; `block` makes it a `<div>` for multi-line content.
 */
export function Sensitive({
  children,
  title,
  block = false,
  className,
  testId,
}: {
  children: ReactNode;
  title?: string;
  block?: boolean;
  className?: string;
  testId?: string;
}) {
  const presenting = usePresenting();
  const Tag = block ? 'div' : 'span';
  return (
    <Tag
      data-sensitive="managed"
      className={className}
      title={presenting ? undefined : title}
      data-testid={testId}
    >
      {/* The value stays in place while presenting, so nothing remounts when the mode changes. */}
      <Tag aria-hidden={presenting || undefined}>{children}</Tag>
      {presenting ? <span className="visually-hidden">hidden</span> : null}
    </Tag>
  );
}

/**
 * A frame (email preview, letter PDF) that presentation mode replaces with a labelled panel: the
 * frame is made invisible, which also takes it out of the accessibility tree.
 */
export function SensitiveFrame({ children }: { children: ReactNode }) {
  const presenting = usePresenting();
  return (
    <div className="sensitive-frame" data-sensitive-frame="">
      {children}
      {presenting ? (
        <p className="sensitive-frame__label" data-testid="sensitive-frame-label">
          Hidden in presentation mode
        </p>
      ) : null}
    </div>
  );
}
