/**
 * Zod settings for the window. The page's CSP forbids `eval`, and zod probes for it with
 * `Function('')` (a CSP violation report each load) unless told to run without its JIT.
 */
import { config } from 'zod';

config({ jitless: true });
