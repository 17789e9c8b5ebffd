// `lianjian list <register> [--search S] [--json] [--unmasked]`: the register's live rows,
// phones and ID numbers masked unless --unmasked is given.
import { isAnyRegisterKey, REGISTER_KEYS } from '../shared/registers/register-keys'
import { REGISTERS, type RegisterSpec } from '../shared/registers/registers'
import { displayText } from '../shared/registers/display'
import { maskRecord } from '../shared/registers/mask-record'
import type { Invoke } from '../backend/dispatch'
import { AppError } from '../shared/result'
import { unwrap } from './call'
import { matterFilters } from './matters-commands'

type Row = Record<string, unknown>

export async function listCommand(
  invoke: Invoke,
  target: string | undefined,
  opts: { search?: string; json?: boolean; unmasked?: boolean; status?: string; overdue?: boolean },
  out: (line: string) => void,
): Promise<number> {
  // `list` also shows 会议, which has no Excel import/export.
  const key = isAnyRegisterKey(target) ? target : undefined
  if (!key) {
    throw new AppError('VALIDATION', `请指定要列出的登记簿：${REGISTER_KEYS.join(' | ')}`)
  }
  const spec: RegisterSpec = REGISTERS[key]
  const filters = matterFilters(key, opts)
  const rows: Row[] = []
  let total = 0
  for (let page = 1; ; page++) {
    const r = await invoke(`${key}:list`, {
      page,
      pageSize: 100,
      search: opts.search ?? '',
      filters,
    })
    const data = unwrap(r) as { rows: Row[]; total: number }
    total = data.total
    rows.push(...data.rows)
    if (rows.length >= total || data.rows.length === 0) break
  }
  // Full phones and ID numbers on a screen are an export of personal data: recorded first (and
  // refused, with the reason, when no record can be written).
  if (opts.unmasked)
    unwrap(
      await invoke('audit:unmasked-view', {
        register: key,
        count: rows.length,
        search: opts.search ?? '',
      }),
    )
  const shown = opts.unmasked ? rows : rows.map((r) => maskRecord(spec.fields, r))
  if (opts.json) {
    out(JSON.stringify({ register: key, total, rows: shown }, null, 2))
    return 0
  }
  const columns = spec.fields.filter((f) => f.list).slice(0, 7)
  out(`${spec.label}：共 ${total} 条${opts.search ? `（搜索「${opts.search}」）` : ''}`)
  out(['序号', ...columns.map((c) => c.label)].join('\t'))
  shown.forEach((row, i) =>
    out([String(i + 1), ...columns.map((c) => displayText(c, row))].join('\t')),
  )
  return 0
}
