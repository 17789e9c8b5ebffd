// Progress of long imports and exports, keyed by an id the caller picks, so the UI can poll
// `jobs:progress` while the work runs. Long loops yield to the event loop now and then, so
// the doors keep answering (the poll itself, and anything else the user does meanwhile).

export interface Progress {
  phase: string
  done: number
  total: number
}

const jobs = new Map<string, Progress & { at: number }>()
const KEEP_MS = 10 * 60_000

export function reportProgress(
  jobId: string | undefined,
  phase: string,
  done = 0,
  total = 0,
): void {
  if (!jobId) return
  const now = Date.now()
  jobs.set(jobId, { phase, done, total, at: now })
  for (const [id, p] of jobs) if (now - p.at > KEEP_MS) jobs.delete(id)
}

export function readProgress(jobId: string): Progress | null {
  const p = jobs.get(jobId)
  return p ? { phase: p.phase, done: p.done, total: p.total } : null
}

/** Lets other requests run; cheap enough to call every few hundred rows. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
