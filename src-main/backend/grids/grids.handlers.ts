import type { Output, ParsedInput } from '../../shared/contract'
import { nowStamp } from '../../shared/dates'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import {
  findLiveGridByName,
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

export function gridsDelete(
  input: ParsedInput<'grids:delete'>,
  ctx: AppContext,
): Output<'grids:delete'> {
  return ctx.db.transaction(() => {
    const before = requireGrid(ctx, input.id)
    softDeleteGrid(ctx.db, input.id, nowStamp())
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'grids',
      rowId: input.id,
      action: 'delete',
      before,
    })
    return { id: input.id }
  })()
}
