import { workerData } from 'node:worker_threads';
import type { Site } from '../model/types.js';
import { Renderer } from '../render/renderer.js';
import { runRenderTask, type RenderTask, type RenderTaskResult } from './render-task.js';

const renderer = new Renderer((workerData as { site: Site }).site);

export default function renderBatch(task: RenderTask): RenderTaskResult {
  return runRenderTask(renderer, task);
}
