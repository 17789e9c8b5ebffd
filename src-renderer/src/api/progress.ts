// Runs one long backend call while polling `jobs:progress` for it, so dialogs can show a bar.
import type { Output } from '@shared/contract'
import { invoke } from './client'

export type JobProgress = NonNullable<Output<'jobs:progress'>>

function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

export async function withProgress<T>(
  run: (jobId: string) => Promise<T>,
  onProgress: (p: JobProgress) => void,
  everyMs = 250,
): Promise<T> {
  const jobId = newJobId()
  let active = true
  const poll = async (): Promise<void> => {
    while (active) {
      await new Promise((r) => setTimeout(r, everyMs))
      if (!active) return
      try {
        const p = await invoke('jobs:progress', { jobId })
        if (p && active) onProgress(p)
      } catch {
        // A missed poll only delays the bar; the job's own answer decides success.
      }
    }
  }
  void poll()
  try {
    return await run(jobId)
  } finally {
    active = false
  }
}

export function percent(p: JobProgress | null): number {
  if (!p || p.total === 0) return 0
  return Math.min(100, Math.round((p.done / p.total) * 100))
}
