// A chart worker that takes `data.ms` milliseconds of CPU, for the pool's timeout and queue tests.
export default function render(task) {
  const until = Date.now() + (task.data.ms ?? 0);
  while (Date.now() < until) { /* busy, like a render */ }
  if (task.data.fail) throw new Error('render failed');
  return new Uint8Array([1, 2, 3]);
}
