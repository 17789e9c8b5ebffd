// The eight operations every register offers (list, get, create, update, delete, restore,
// purge, history), made once from a register's spec plus the few rules that differ.
import type { z } from 'zod'
import { nowStamp } from '../../shared/dates'
import { AppError } from '../../shared/result'
import type { RegisterRow } from '../../shared/register-api'
import type { AnyRegisterKey, RegisterSpec } from '../../shared/registers/registers'
import type { DeleteInput, ListQuery } from '../../shared/schemas/registers.schema'
import type { AppContext } from '../app/context'
import { auditWithChildren, forgetInAudit, writeAudit } from '../audit/audit.repo'
import { searchTokens } from '../search/search-tokens'
import { describeHistory } from './history'
import {
  clearStaleReferences,
  checkpoint,
  forgetInDocumentList,
  fromStored,
  insertRow,
  listPage,
  rawRow,
  selectOne,
  setDeletedAt,
  deleteRow,
  syncValues,
  updateRow,
  writeTokens,
  type Row,
} from './register.repo'
import {
  buildWhere,
  orderBy,
  REGISTRATION_ORDER,
  sortSource,
  type ListRules,
} from './register-query.repo'
import { PICK_KEY_SOURCES } from '../db/migration-steps'
import { atomic } from '../db/statements'
import { pinyinKeys } from '../search/search-tokens'
import { sortKey } from '../search/sort-key'
import { forgetResponder } from '../matters/matters.repo'

export interface RegisterRules<K extends AnyRegisterKey = AnyRegisterKey> extends ListRules {
  spec: RegisterSpec & { key: K }
  /** SELECT … FROM <table> t LEFT JOIN …: the record with its derived columns (from a repo). */
  selectSql: string
  /** Derive and check values before they are written; throw AppError to refuse. */
  prepare?(values: Row, ctx: AppContext, id: number | null): Row
  /** Extra text indexed for search (e.g. a committee member's unit name). */
  extraSearchText?(values: Row, ctx: AppContext): string[]
  beforeDelete?(ctx: AppContext, id: number, input: z.output<typeof DeleteInput>): void
  afterSave?(ctx: AppContext, id: number): void
  /** Undo what `beforeDelete` did to other records (in the same transaction as the restore). */
  afterRestore?(ctx: AppContext, id: number): void
}

function dupMessage(spec: RegisterSpec): string {
  return `${spec.noun}不存在或已被删除，请刷新后重试`
}

export function indexRecord(
  ctx: AppContext,
  rules: RegisterRules,
  id: number,
  values: Row,
  fresh = false,
): void {
  const { spec } = rules
  const texts = spec.search.map((key) => {
    const v = values[key]
    return {
      text: Array.isArray(v) ? v.join(' ') : String(v ?? ''),
      asName: key === spec.nameField,
    }
  })
  for (const t of rules.extraSearchText?.(values, ctx) ?? []) texts.push({ text: t, asName: false })
  writeTokens(ctx.db, spec.table, id, searchTokens(texts), fresh)
  syncValues(ctx.db, spec, id, values, fresh)
}

/** Extra columns written with a record: its name's pinyin sort key (and pick-list keys). */
function sortColumns(spec: RegisterSpec, values: Row): Row {
  const source = sortSource(spec)
  const pick = PICK_KEY_SOURCES.find((s) => s.table === spec.table)
  return {
    ...(source ? { sort_key: sortKey(String(values[source.column] ?? ''), source.asName) } : {}),
    ...(pick ? { pick_keys: pinyinKeys(String(values[pick.column] ?? ''), pick.asName) } : {}),
  }
}

// Rows are read with the SELECT made from the same field list as the contract's record schema:
// typed here as that record (K's own), and checked against it by createInvoke in every run but
// a packaged build. Handler outputs are then checked at compile time where handlers.ts puts
// each register's operations in the table of channels.
export function makeRegisterHandlers<K extends AnyRegisterKey>(rules: RegisterRules<K>) {
  type Stored = RegisterRow<K>
  const { spec } = rules
  const load = (ctx: AppContext, id: number): Stored | undefined => {
    const row = selectOne(ctx.db, rules.selectSql, id)
    return row ? fromStored<Stored>(spec.fields, row) : undefined
  }
  const requireLive = (ctx: AppContext, id: number): Stored => {
    const row = load(ctx, id)
    if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND', dupMessage(spec))
    return row
  }
  const audit = (
    ctx: AppContext,
    id: number,
    action: 'create' | 'update' | 'delete' | 'restore' | 'purge',
    before?: Stored,
    after?: Stored,
  ) =>
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: spec.table,
      rowId: id,
      action,
      before: stored(before),
      after: stored(after),
    })
  const stored = (row: Stored | undefined): Row | undefined => {
    if (!row) return undefined
    const values: Row = row
    const out: Row = {}
    for (const f of spec.fields) out[f.key] = values[f.key]
    return out
  }

  return {
    list(q: z.output<typeof ListQuery>, ctx: AppContext) {
      const page = listPage(
        ctx.db,
        rules.selectSql,
        spec.table,
        buildWhere(rules, q),
        orderBy(rules, q),
        q.pageSize,
        (q.page - 1) * q.pageSize,
      )
      return {
        rows: page.rows.map((r) => fromStored<Stored>(spec.fields, r)),
        total: page.total,
      }
    },
    /** Every matching row (exports): in the chosen order, else in order of registration. */
    all(q: z.output<typeof ListQuery>, ctx: AppContext): Row[] {
      const order = q.sort ? orderBy(rules, q) : REGISTRATION_ORDER
      const page = listPage(ctx.db, rules.selectSql, spec.table, buildWhere(rules, q), order, -1, 0)
      return page.rows.map((r) => fromStored(spec.fields, r))
    },
    get(input: { id: number }, ctx: AppContext): Stored {
      const row = load(ctx, input.id)
      if (!row) throw new AppError('NOT_FOUND', dupMessage(spec))
      return row
    },
    create(values: Row, ctx: AppContext): Stored {
      return atomic(ctx.db, () => {
        const v = rules.prepare ? rules.prepare(values, ctx, null) : values
        const id = insertRow(ctx.db, spec.table, spec.fields, v, nowStamp(), sortColumns(spec, v))
        indexRecord(ctx, rules, id, v, true)
        rules.afterSave?.(ctx, id)
        const after = requireLive(ctx, id)
        audit(ctx, id, 'create', undefined, after)
        return after
      })
    },
    update(input: { id: number; data: Row }, ctx: AppContext): Stored {
      return atomic(ctx.db, () => {
        const before = requireLive(ctx, input.id)
        const v = rules.prepare ? rules.prepare(input.data, ctx, input.id) : input.data
        updateRow(ctx.db, spec.table, spec.fields, input.id, v, nowStamp(), sortColumns(spec, v))
        indexRecord(ctx, rules, input.id, v)
        rules.afterSave?.(ctx, input.id)
        const after = requireLive(ctx, input.id)
        audit(ctx, input.id, 'update', before, after)
        return after
      })
    },
    delete(input: z.output<typeof DeleteInput>, ctx: AppContext) {
      return atomic(ctx.db, () => {
        const before = requireLive(ctx, input.id)
        rules.beforeDelete?.(ctx, input.id, input)
        const now = nowStamp()
        setDeletedAt(ctx.db, spec.table, input.id, now, now)
        audit(ctx, input.id, 'delete', before)
        return { id: input.id }
      })
    },
    restore(input: { id: number }, ctx: AppContext): Stored {
      return atomic(ctx.db, () => {
        let row = load(ctx, input.id)
        if (!row || row.deleted_at === null)
          throw new AppError('NOT_FOUND', `回收站里没有这条${spec.noun}记录，请刷新后重试`)
        // A 网格 or unit deleted meanwhile is dropped: nothing to choose instead in the 回收站.
        if (clearStaleReferences(ctx.db, spec, input.id) > 0) {
          row = load(ctx, input.id) ?? row
          indexRecord(ctx, rules, input.id, row)
        }
        // Restoring must pass today's rules too (e.g. a unit name reused meanwhile).
        rules.prepare?.(row, ctx, input.id)
        setDeletedAt(ctx.db, spec.table, input.id, null, nowStamp())
        const after = requireLive(ctx, input.id)
        audit(ctx, input.id, 'restore', undefined, after)
        rules.afterRestore?.(ctx, input.id)
        return after
      })
    },
    purge(input: { id: number }, ctx: AppContext) {
      const done = atomic(ctx.db, () => {
        const row = rawRow(ctx.db, spec.table, input.id)
        if (!row) throw new AppError('NOT_FOUND', `没有找到这条${spec.noun}记录，请刷新后重试`)
        if (row.deleted_at === null)
          throw new AppError('CONFLICT', '只能彻底删除回收站里的记录，请先删除到回收站')
        writeTokens(ctx.db, spec.table, input.id, null)
        syncValues(ctx.db, spec, input.id, null)
        deleteRow(ctx.db, spec.table, input.id)
        forgetInAudit(ctx.db, spec.table, input.id)
        forgetInDocumentList(ctx.db, spec.table, input.id)
        forgetResponder(ctx.db, spec.table, input.id)
        audit(ctx, input.id, 'purge')
        return { id: input.id }
      })
      // secure_delete zeroes the freed pages; the checkpoint takes the old page images out of
      // the -wal file, so nothing of the person stays anywhere in the data folder's database.
      checkpoint(ctx.db)
      return done
    },
    history(input: { id: number }, ctx: AppContext) {
      if (!rawRow(ctx.db, spec.table, input.id)) throw new AppError('NOT_FOUND', dupMessage(spec))
      return describeHistory(ctx.db, spec, auditWithChildren(ctx.db, spec.table, input.id))
    },
  }
}
