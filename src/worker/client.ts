// Main-thread handle on the pipeline worker. One worker per page; restartable after a crash
// (for example the worker running out of memory on a very large run).
import * as Comlink from 'comlink';
import type { PipelineApi, WorkerError } from './api';

let worker: Worker | null = null;
let api: Comlink.Remote<PipelineApi> | null = null;

export function getPipeline(): Comlink.Remote<PipelineApi> {
  if (!api) {
    worker = new Worker(new URL('./pipeline.worker.ts', import.meta.url), { type: 'module' });
    api = Comlink.wrap<PipelineApi>(worker);
  }
  return api;
}

/** Ends the current worker (its tables are lost) so the next call starts a fresh one. */
export function restartPipeline(): void {
  worker?.terminate();
  worker = null;
  api = null;
}

/** Listens for the worker dying outside a call (uncaught error, out of memory). */
export function onWorkerCrash(listener: (message: string) => void): () => void {
  getPipeline();
  const w = worker!;
  const handler = (e: ErrorEvent) => listener(e.message || 'The data worker stopped unexpectedly.');
  w.addEventListener('error', handler);
  return () => w.removeEventListener('error', handler);
}

export { Comlink };

/** Errors cross the boundary as plain objects; this turns any of them into a readable message. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as WorkerError).message);
  return String(e);
}
