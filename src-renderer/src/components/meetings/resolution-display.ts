// How a 议定事项's status and progress read in tables.

export function statusType(status: string): 'success' | 'warning' | 'info' {
  if (status === '已完成') return 'success'
  if (status === '推进中') return 'warning'
  return 'info'
}

/** The last line of the 进展记录, which is kept one entry per line. */
export function lastProgress(progress: string): string {
  const lines = progress.split('\n').filter((l) => l.trim() !== '')
  return lines.at(-1) ?? ''
}
