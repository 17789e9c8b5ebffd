// The four operations on a register's child lists (服务记录, 三项清单, 双诺双述双评, 联系户,
// 联户记录), with the parent checked and every change audited against the parent record.
import { errorCode } from '../errors'
import { nowStamp } from '../../shared/dates'
import { AppError } from '../../shared/result'
import type { ChildRow } from '../../shared/register-api'
import type { ChildKey, ChildSpec, RegisterSpec } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import {
  childRows,
  fromStored,
  insertRow,
  liveExists,
  selectOne,
  setDeletedAt,
  updateRow,
  type Row,
} from './register.repo'
import { atomic } from '../db/statements'

export interface ChildRules<K extends ChildKey = ChildKey> {
  register: RegisterSpec
  child: ChildSpec & { key: K }
  /** SELECT … FROM <child table> t …, exposing the parent id as parent_id. */
  selectSql: string
  prepare?(values: Row, ctx: AppContext, parentId: number, id: number | null): Row
  /** Columns a new row gets besides its fields (e.g. sort_order at the end of the list). */
  insertExtra?(ctx: AppContext, parentId: number): Row
  /** Turns a constraint failure (e.g. a second review for one year) into a clear message. */
  conflictMessage?(values: Row): string
  /** Decodes derived columns SQLite answers as numbers (e.g. overdue 0/1 → a boolean). */
  decode?(row: Row): Row
}

// Rows are typed as child list K's contract record (the SELECT is made from the same fields);
// createInvoke checks them against it in every run but a packaged build.
export function makeChildHandlers<K extends ChildKey>(rules: ChildRules<K>) {
  type Stored = ChildRow<K>
  const { register, child } = rules
  const read = (row: Row): Stored =>
    fromStored<Stored>(child.fields, rules.decode ? rules.decode(row) : row)
  const notFound = () =>
    new AppError('NOT_FOUND', `这条${child.label}不存在或已被删除，请刷新后重试`)
  const load = (ctx: AppContext, id: number): Stored | undefined => {
    const row = selectOne(ctx.db, rules.selectSql, id)
    return row && row.deleted_at === null ? read(row) : undefined
  }
  const requireParent = (ctx: AppContext, parentId: number) => {
    if (!liveExists(ctx.db, register.table, parentId)) {
      throw new AppError('NOT_FOUND', `${register.noun}不存在或已被删除，请刷新后重试`)
    }
  }
  const audit = (
    ctx: AppContext,
    row: Stored,
    action: 'create' | 'update' | 'delete',
    before?: Stored,
    after?: Stored,
  ) =>
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: child.table,
      rowId: Number(row.id),
      action,
      before: pick(before),
      after: pick(after),
      parent: { table: register.table, id: Number(row.parent_id) },
    })
  const pick = (row: Stored | undefined) => {
    if (!row) return undefined
    const values: Row = row
    const out: Row = {}
    for (const f of child.fields) out[f.key] = values[f.key]
    return out
  }
  const guarded = <T>(values: Row, fn: () => T): T => {
    try {
      return fn()
    } catch (e) {
      if (errorCode(e).startsWith('SQLITE_CONSTRAINT_UNIQUE') && rules.conflictMessage) {
        throw new AppError('CONFLICT', rules.conflictMessage(values))
      }
      throw e
    }
  }

  return {
    list(input: { parentId: number }, ctx: AppContext): Stored[] {
      requireParent(ctx, input.parentId)
      return childRows(ctx.db, child, rules.selectSql, input.parentId).map(read)
    },
    create(input: { parentId: number; data: Row }, ctx: AppContext): Stored {
      return atomic(ctx.db, () => {
        requireParent(ctx, input.parentId)
        const v = rules.prepare ? rules.prepare(input.data, ctx, input.parentId, null) : input.data
        const id = guarded(v, () =>
          insertRow(ctx.db, child.table, child.fields, v, nowStamp(), {
            ...rules.insertExtra?.(ctx, input.parentId),
            [child.parentColumn]: input.parentId,
          }),
        )
        const after = load(ctx, id)
        if (!after) throw notFound()
        audit(ctx, after, 'create', undefined, after)
        return after
      })
    },
    update(input: { id: number; data: Row }, ctx: AppContext): Stored {
      return atomic(ctx.db, () => {
        const before = load(ctx, input.id)
        if (!before) throw notFound()
        requireParent(ctx, Number(before.parent_id))
        const v = rules.prepare
          ? rules.prepare(input.data, ctx, Number(before.parent_id), input.id)
          : input.data
        guarded(v, () => updateRow(ctx.db, child.table, child.fields, input.id, v, nowStamp()))
        const after = load(ctx, input.id)
        if (!after) throw notFound()
        audit(ctx, after, 'update', before, after)
        return after
      })
    },
    delete(input: { id: number }, ctx: AppContext) {
      return atomic(ctx.db, () => {
        const before = load(ctx, input.id)
        if (!before) throw notFound()
        const now = nowStamp()
        setDeletedAt(ctx.db, child.table, input.id, now, now)
        audit(ctx, before, 'delete', before)
        return { id: input.id }
      })
    },
  }
}
