/**
 * Shows base64 bytes (a letter PDF) in a frame through a blob: URL, revoked when it goes away.
 *
 * The URL is made in a ref callback rather than state, so it lives exactly as long as the element.
 * The frame shows a letter, so presentation mode replaces it with a labelled panel.
 */
import { base64ToBytes } from '../lib/base64';
import { SensitiveFrame } from './sensitive';

function attachBlob(base64: string, type: string, assign: (url: string) => void): () => void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
  assign(url);
  return () => URL.revokeObjectURL(url);
}

export function BlobFrame({
  base64,
  type,
  title,
  testId,
}: {
  base64: string;
  type: string;
  title: string;
  testId?: string;
}) {
  return (
    <SensitiveFrame>
      <iframe
        className="pdf-frame"
        title={title}
        data-testid={testId}
        ref={(el) => (el ? attachBlob(base64, type, (url) => (el.src = url)) : undefined)}
      />
    </SensitiveFrame>
  );
}

export function BlobDownload({
  base64,
  type,
  fileName,
  children,
}: {
  base64: string;
  type: string;
  fileName: string;
  children: string;
}) {
  return (
    <a
      className="button button--secondary button--small"
      download={fileName}
      ref={(el) => (el ? attachBlob(base64, type, (url) => (el.href = url)) : undefined)}
    >
      {children}
    </a>
  );
}
