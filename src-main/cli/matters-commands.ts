// `lianjian list matters --status … --overdue` and `lianjian export matters`: the 民情事项 list
// filters and its 办理台账 export, through the same channels as the 民情事项 page.
import { resolve } from 'node:path'
import { MATTER_STATUS } from '../shared/dictionaries'
import type { Invoke } from '../backend/dispatch'
import { fileError, writeAtomic } from '../backend/files/atomic-write'
import { AppError } from '../shared/result'
import { caller } from './call'

type Status = (typeof MATTER_STATUS)[number]

function checkStatus(status: string | undefined): Status | '' {
  if (status === undefined || status === '') return ''
  const found = MATTER_STATUS.find((s) => s === status)
  if (!found) throw new AppError('VALIDATION', `--status 只能是：${MATTER_STATUS.join('、')}`)
  return found
}

/** The list filters --status and --overdue stand for; only 民情事项 has them. */
export function matterFilters(
  key: string,
  opts: { status?: string; overdue?: boolean },
): Record<string, string> {
  if (key !== 'matters') {
    if (opts.status !== undefined || opts.overdue)
      throw new AppError('VALIDATION', '--status 和 --overdue 只用于 lianjian list matters')
    return {}
  }
  const filters: Record<string, string> = {}
  const status = checkStatus(opts.status)
  if (status) filters.status = status
  if (opts.overdue) filters.overdue = '1'
  return filters
}

export async function exportMatters(
  invoke: Invoke,
  opts: { out?: string; status?: string; overdue?: boolean; search?: string; unmasked?: boolean },
  out: (line: string) => void,
): Promise<number> {
  if (!opts.out)
    throw new AppError('VALIDATION', '请用 --out 指定导出的文件，例如 --out 民情事项台账.xlsx')
  const file = await caller(invoke)('matters:export', {
    status: checkStatus(opts.status),
    overdue: opts.overdue ?? false,
    search: opts.search ?? '',
    masked: !opts.unmasked,
  })
  const target = resolve(opts.out)
  try {
    writeAtomic(target, Buffer.from(file.base64, 'base64'))
  } catch (e) {
    throw fileError(e, target, '导出的文件')
  }
  out(
    `已导出 ${file.count} 条民情事项到 ${opts.out}${opts.unmasked ? '（未脱敏，已记入操作记录）' : '（电话已脱敏）'}`,
  )
  return 0
}
