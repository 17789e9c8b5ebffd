// Deleting a 共建单位 keeps the 兼职委员 and 在职党员 linked to it but clears their link; restoring
// the unit undoes that for those whose unit has not changed since. Each change is audited.
import { nowStamp } from '../../shared/dates'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { linkedToUnit, setUnitLink, unlinkedFrom, type UnitLinkTable } from './unit-links.repo'

export interface UnitLinks {
  table: UnitLinkTable
  /** Only records outside the 回收站 (在职党员: a trashed one is checked when restored). */
  liveOnly: boolean
  /** After one record's link changed (e.g. re-index its search text). */
  changed?(ctx: AppContext, id: number): void
}

function move(
  ctx: AppContext,
  links: UnitLinks,
  ids: number[],
  from: number | null,
  to: number | null,
) {
  const stamp = nowStamp()
  for (const id of ids) {
    setUnitLink(ctx.db, links.table, id, to, stamp)
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: links.table,
      rowId: id,
      action: 'update',
      before: { unit_id: from },
      after: { unit_id: to },
    })
    links.changed?.(ctx, id)
  }
}

export function unlinkFromUnit(ctx: AppContext, links: UnitLinks, unitId: number): void {
  move(ctx, links, linkedToUnit(ctx.db, links.table, unitId, links.liveOnly), unitId, null)
}

export function relinkToUnit(ctx: AppContext, links: UnitLinks, unitId: number): void {
  move(ctx, links, unlinkedFrom(ctx.db, links.table, unitId, links.liveOnly), null, unitId)
}
