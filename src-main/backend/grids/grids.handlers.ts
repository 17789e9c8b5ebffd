import type { Output, ParsedInput } from '../../shared/contract'
import { nowStamp } from '../../shared/dates'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import {
  countInGrid,
  findLiveGridByName,
  GRID_REFERENCES,
  moveRecordGrid,
  recordsInGrid,
  getGrid,
  insertGrid,
  listGrids,
  softDeleteGrid,
  updateGrid,
  type GridRow,
} from './grids.repo'

function requireGrid(ctx: AppContext, id: number): GridRow {
  const row = getGrid(ctx.db, id)
  if (!row) throw new AppError('NOT_FOUND', '该网格不存在或已被删除，请刷新后重试')
  return row
}

function assertNameFree(ctx: AppContext, name: string, selfId?: number): void {
  const other = findLiveGridByName(ctx.db, name)
  if (other && other.id !== selfId) {
    throw new AppError('CONFLICT', `已有名为「${name}」的网格，请换一个名称`, [
      { field: 'name', message: '网格名称已存在' },
    ])
  }
}

export function gridsList(
  _input: ParsedInput<'grids:list'>,
  ctx: AppContext,
): Output<'grids:list'> {
  return listGrids(ctx.db)
}

export function gridsCreate(
  input: ParsedInput<'grids:create'>,
  ctx: AppContext,
): Output<'grids:create'> {
  return ctx.db.transaction(() => {
    assertNameFree(ctx, input.name)
    const id = insertGrid(ctx.db, input, nowStamp())
    const after = requireGrid(ctx, id)
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'grids',
      rowId: id,
      action: 'create',
      after,
    })
    return after
  })()
}

export function gridsUpdate(
  input: ParsedInput<'grids:update'>,
  ctx: AppContext,
): Output<'grids:update'> {
  return ctx.db.transaction(() => {
    const before = requireGrid(ctx, input.id)
    assertNameFree(ctx, input.data.name, input.id)
    updateGrid(ctx.db, input.id, input.data, nowStamp())
    const after = requireGrid(ctx, input.id)
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'grids',
      rowId: input.id,
      action: 'update',
      before,
      after,
    })
    return after
  })()
}

export function gridsUsage(
  input: ParsedInput<'grids:usage'>,
  ctx: AppContext,
): Output<'grids:usage'> {
  const grid = requireGrid(ctx, input.id)
  const counts = GRID_REFERENCES.map((ref) => ({
    register: ref.register,
    label: ref.label,
    count: countInGrid(ctx.db, ref, input.id),
  }))
  const trash = GRID_REFERENCES.reduce((n, ref) => n + countInGrid(ctx.db, ref, input.id, true), 0)
  return {
    id: grid.id,
    name: grid.name,
    counts,
    total: counts.reduce((n, c) => n + c.count, 0),
    trash,
  }
}

const UNITS: Record<string, string> = {
  talents: '人',
  households: '户',
  committee: '人',
  reported_members: '人',
}

/**
 * Deletes a 网格. Records that belong to it move to `moveTo` in the same transaction, each
 * move audited on the record, so no record is left pointing at a grid that is gone.
 */
export function gridsDelete(
  input: ParsedInput<'grids:delete'>,
  ctx: AppContext,
): Output<'grids:delete'> {
  return ctx.db.transaction(() => {
    const before = requireGrid(ctx, input.id)
    const usage = gridsUsage({ id: input.id }, ctx)
    const everyone = GRID_REFERENCES.map((ref) => ({
      ref,
      rows: recordsInGrid(ctx.db, ref, input.id),
    }))
    const anyone = everyone.some((e) => e.rows.length > 0)
    if (anyone && input.moveTo === undefined) {
      const who = usage.counts
        .filter((c) => c.count > 0)
        .map((c) => `${c.label} ${c.count} ${UNITS[c.register] ?? '条'}`)
      throw new AppError(
        'CONFLICT',
        `「${before.name}」里还有${who.length ? who.join('、') : '回收站里的记录'}。请选择把他们移到哪个网格，再删除`,
      )
    }
    let moved = 0
    if (anyone && input.moveTo !== undefined) {
      const target = getGrid(ctx.db, input.moveTo)
      if (!target)
        throw new AppError('NOT_FOUND', '要移入的网格不存在或已被删除，请刷新后重新选择', [
          { field: 'moveTo', message: '请重新选择网格' },
        ])
      const now = nowStamp()
      for (const { ref, rows } of everyone)
        for (const r of rows) {
          moveRecordGrid(ctx.db, ref, r.id, target.id, now)
          writeAudit(ctx.db, {
            operator: ctx.operator(),
            table: ref.table,
            rowId: r.id,
            action: 'update',
            before: { [ref.nameColumn]: r.name, [ref.column]: input.id },
            after: { [ref.nameColumn]: r.name, [ref.column]: target.id },
          })
          moved++
        }
    }
    softDeleteGrid(ctx.db, input.id, nowStamp())
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'grids',
      rowId: input.id,
      action: 'delete',
      before,
      after: moved ? { moved, moveTo: input.moveTo } : undefined,
    })
    return { id: input.id, moved }
  })()
}
