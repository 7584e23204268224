/**
 * The `notify-sandbox` command of the installed package (out/kit/cli.js): the sandbox's CLI, run
 * whatever path npm linked it under (cli.ts runs itself only when started as that file).
 */
import { main } from '../cli';

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error('notify-sandbox: unexpected error:', err);
    process.exit(1);
  },
);
