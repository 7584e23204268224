/**
 * Saves text as a file through a Blob and a temporary link (no server round trip).
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.className = 'visually-hidden';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or the download may find nothing.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a picked file as bytes. */
export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
