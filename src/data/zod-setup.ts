/**
 * zod 4 without its JIT: the first schema *use* otherwise probes `new Function('')`, which the
 * Content-Security-Policy (no `unsafe-eval`) reports as a violation. ES modules are evaluated
 * depth first in import order, so this module must be the very first import of every entry
 * point that validates (src/main.tsx, src/app/replay.worker.ts). See SECURITY.md.
 */
import { z } from 'zod';

z.config({ jitless: true });
