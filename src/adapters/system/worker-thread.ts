import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on `entry`, a module next to the caller named without its extension
 * ("./pglite-worker"): the compiled `.js` when the caller runs compiled, the `.ts` source when it
 * runs from the sources under tsx (tests, dev, benchmarks), whose module hooks a worker does not
 * inherit and so registers again (tsx resolved from the working directory: the project's, under npm scripts).
 */
export function startWorker(callerUrl: string, entry: string, options: WorkerOptions = {}): Worker {
  const extension = extname(fileURLToPath(callerUrl));
  const url = new URL(`${entry}${extension}`, callerUrl);
  if (extension !== '.ts') return new Worker(url, options);
  return new Worker(
    `const { register } = await import('tsx/esm/api');` + `register(); await import(${JSON.stringify(url.href)});`,
    { ...options, eval: true },
  );
}
