// Full phones and ID numbers leave the app only with an audit entry. In read-only mode the entry
// cannot be stored in the database, so such an export is refused up front with the reason
// (masked exports and documents still work there).
import type { Output, ParsedInput } from '../../shared/contract'
import { REGISTERS } from '../../shared/registers/registers'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { writeAudit } from './audit.repo'

export function refuseUnmaskedWhenReadOnly(ctx: AppContext, what: string): void {
  if (ctx.safety.mode !== 'read-only') return
  throw new AppError(
    'READ_ONLY',
    `数据文件夹只读，无法记入操作记录，所以不能${what}（完整显示电话和身份证号必须记入操作记录）。可以改用脱敏方式，或先让数据文件夹可以写入后再试。`,
  )
}

/** `audit:unmasked-view`: the CLI showed a register's full phones and ID numbers on a screen. */
export function recordUnmaskedView(
  input: ParsedInput<'audit:unmasked-view'>,
  ctx: AppContext,
): Output<'audit:unmasked-view'> {
  refuseUnmaskedWhenReadOnly(ctx, '完整显示电话和身份证号')
  writeAudit(ctx.db, {
    operator: ctx.operator(),
    table: REGISTERS[input.register].table,
    rowId: 0,
    action: 'export',
    after: { listed: 'lianjian list', count: input.count, masked: false, search: input.search },
  })
  return { recorded: true }
}
