/**
 * Environment for a process that renders. Reading a frame back allocates 3.6 MB, and glibc
 * serves allocations that large with fresh mmap'd pages, so every frame paid about 900 page
 * faults: in a VM that cost more than drawing the frame (measured: 3-14 ms a frame, against
 * 1.3 ms with this). Raising the thresholds lets malloc reuse the memory of freed frames.
 * glibc reads these at process start, so they are set on the render process, not at runtime.
 */
export const RENDER_PROCESS_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: String(64 * 1024 * 1024),
  MALLOC_TRIM_THRESHOLD_: String(256 * 1024 * 1024),
  MALLOC_TOP_PAD_: String(64 * 1024 * 1024),
};
