// Which calls may run in the current safety mode: in safe mode only what helps to recover,
// while a restore runs nothing that could write, and nothing at all when the data is unusable.
import type { ErrorInfo } from '../../shared/result'
import type { AppContext } from '../app/context'

const ALWAYS = new Set(['safety:status', 'jobs:progress'])
const WHEN_DAMAGED = new Set([
  'safety:list',
  'safety:verify',
  'safety:inspect',
  'safety:restore',
  'safety:delete',
  'safety:set-folder',
  'safety:upload',
  'safety:discard-upload',
  'safety:package-preview',
  'safety:package-import',
])

export async function safetyGate(ctx: AppContext, channel: string): Promise<ErrorInfo | undefined> {
  await ctx.ready
  if (ALWAYS.has(channel)) return undefined
  const s = ctx.safety
  if (s.busy) return { code: 'BUSY', message: `${s.busy}，请稍候再操作。` }
  if (s.mode === 'unavailable')
    return { code: 'DB_OPEN_FAILED', message: s.message ?? '数据文件无法使用。' }
  if (s.mode === 'damaged' && !WHEN_DAMAGED.has(channel))
    return { code: 'DB_DAMAGED', message: s.message ?? '数据文件已损坏，请从备份恢复。' }
  return undefined
}
