/**
 * Applies presentation mode to the page: `data-presenting` on <html> (the stylesheet masks every
 * `data-sensitive` element under it), and, for elements marked with the bare attribute rather
 * than `<Sensitive>`, `aria-hidden` so screen readers do not read the value either.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../state/context';

/** Marked elements the hook hides from screen readers itself (`<Sensitive>` handles its own). */
const BARE = '[data-sensitive]:not([data-sensitive="managed"]):not(input, textarea, select, iframe)';
/** Set on the elements the hook hid, so turning the mode off restores exactly those. */
const HID = 'data-sensitive-hid';
/** aria-hidden on something focusable (or holding something focusable) would strand keyboard users. */
const FOCUSABLE = 'a[href], button, input, select, textarea, iframe, [tabindex], [contenteditable]';

function hideBare(root: ParentNode): void {
  for (const el of root.querySelectorAll(BARE)) {
    if (el.hasAttribute(HID) || el.getAttribute('aria-hidden') === 'true') continue;
    if (el.matches(FOCUSABLE) || el.querySelector(FOCUSABLE)) continue;
    el.setAttribute('aria-hidden', 'true');
    el.setAttribute(HID, '');
  }
}

function unhideBare(root: ParentNode): void {
  for (const el of root.querySelectorAll(`[${HID}]`)) {
    el.removeAttribute('aria-hidden');
    el.removeAttribute(HID);
  }
}

export function useApplyPresentation(): void {
  const presenting = useAppStore((s) => s.presenting);
  useEffect(() => {
    const root = document.documentElement;
    if (!presenting) {
      root.removeAttribute('data-presenting');
      return;
    }
    root.setAttribute('data-presenting', '');
    hideBare(document);
    const observer = new MutationObserver(() => hideBare(document));
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-sensitive'],
    });
    return () => {
      observer.disconnect();
      root.removeAttribute('data-presenting');
      unhideBare(document);
    };
  }, [presenting]);
}
