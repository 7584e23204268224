/**
 * Where letter PDFs live: memory for an ephemeral sandbox, files beside the journal otherwise.
 */
import { mkdir, readFile, open, rename } from 'node:fs/promises';
import { join } from 'node:path';

export interface PdfStore {
  put(id: string, pdf: Uint8Array): Promise<void>;
  get(id: string): Promise<Uint8Array | null>;
}

export class MemoryPdfStore implements PdfStore {
  private readonly map = new Map<string, Uint8Array>();
  async put(id: string, pdf: Uint8Array): Promise<void> {
    this.map.set(id, pdf);
  }
  async get(id: string): Promise<Uint8Array | null> {
    return this.map.get(id) ?? null;
  }
}

/** Writes each PDF atomically (temporary file, fsync, rename) before the caller acknowledges it. */
export class FilePdfStore implements PdfStore {
  private ready: Promise<unknown>;
  constructor(private readonly dir: string) {
    this.ready = mkdir(dir, { recursive: true });
  }
  private path(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad notification id');
    return join(this.dir, `${id}.pdf`);
  }
  async put(id: string, pdf: Uint8Array): Promise<void> {
    await this.ready;
    const final = this.path(id);
    const tmp = `${final}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(pdf);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, final);
  }
  async get(id: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.path(id));
    } catch {
      return null;
    }
  }
}
