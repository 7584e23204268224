/**
 * Builds the three Electron bundles into out/: main (ESM), preload (CommonJS) and the renderer.
 *
 * The preload is CommonJS in one file because sandboxed preloads cannot load ES modules or anything
 * from node_modules. The renderer's index.html gets the Content-Security-Policy as a `<meta>` tag at build
 * time, as well as the header the app:// protocol sends with it: the page carries its policy however it is
 * served, and injecting it here keeps it in place whatever the renderer's own index.html says.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './src-main/host/content-security-policy';

const fromRoot = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Prepends the CSP meta tag to the built index.html (not in dev: the dev server sends a header). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'notify-console:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('./out/main'),
      rolldownOptions: {
        // Second entries beside index.js: the embedded sandbox's process (src-main/host/sandbox-child.ts),
        // which Electron's utility process starts from out/main/sandbox-child.js, and the spreadsheet
        // worker (read-in-worker.ts looks for `./sheet-worker.js` next to the bundle).
        input: {
          index: fromRoot('./src-main/electron/main.ts'),
          'sandbox-child': fromRoot('./src-main/host/sandbox-child.ts'),
          'sheet-worker': fromRoot('./src-main/core/bulk/sheet-worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('./out/preload'),
      rolldownOptions: {
        input: { index: fromRoot('./src-main/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('./src-renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: fromRoot('./out/renderer'),
      // electron-vite leaves bundles unminified; the renderer is parsed on every start, so it is
      // minified (about a third of the size) with a source map beside it for stack traces.
      minify: true,
      sourcemap: true,
      rolldownOptions: {
        input: { index: fromRoot('./src-renderer/index.html') },
      },
    },
  },
});
