/**
 * A worker of the render pool (render-pool.ts): runs shared template and address rules on large
 * inputs, one job at a time, and answers each with its result or the error's message. It says when it
 * is ready, so that the time a job may take does not include loading the worker.
 */
import { parentPort } from 'node:worker_threads';
import { runRenderTask, type RenderJob, type RenderReply } from './render-tasks';

parentPort?.on('message', (job: RenderJob) => {
  let reply: RenderReply;
  try {
    reply = { id: job.id, ok: true, value: runRenderTask(job.name, job.args) };
  } catch (err) {
    reply = { id: job.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
