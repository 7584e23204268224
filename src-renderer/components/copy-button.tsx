/**
 * Copies text to the clipboard and says so.
 */
import { useState } from 'react';
import { useAppStoreApi } from '../state/context';

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for windows without clipboard permission: a hidden textarea and the copy command.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyButton({
  text,
  label = 'Copy',
  testId,
}: {
  text: string;
  label?: string;
  testId?: string;
}) {
  const store = useAppStoreApi();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      data-testid={testId}
      onClick={() => {
        void writeClipboard(text).then((ok) => {
          setCopied(ok);
          if (!ok) store.getState().pushToast('error', 'Could not copy to the clipboard.');
          else window.setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? 'Copied' : label}
    </button>
  );
}
