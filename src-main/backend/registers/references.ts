import { AppError, type FieldIssue } from '../../shared/result'
import type { FieldDef } from '../../shared/registers/field-def'
import type { AppContext } from '../app/context'
import { liveExists, type Row } from './register.repo'

/** A chosen 网格 or 共建单位 must still exist; otherwise say which field is stale. */
export function checkReferences(ctx: AppContext, fields: readonly FieldDef[], values: Row): void {
  const issues: FieldIssue[] = []
  for (const f of fields) {
    const v = values[f.key]
    if (v === null || v === undefined) continue
    if (f.kind === 'grid' && !liveExists(ctx.db, 'grids', Number(v))) {
      issues.push({ field: f.key, message: `所选${f.label}已被删除，请重新选择` })
    }
    if (f.kind === 'unit' && !liveExists(ctx.db, 'units', Number(v))) {
      issues.push({ field: f.key, message: `所选${f.label}已被删除，请重新选择` })
    }
  }
  if (issues.length) throw new AppError('VALIDATION', issues[0]?.message ?? '输入有误', issues)
}
