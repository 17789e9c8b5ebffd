// Retention the community chooses on 数据与备份 (off by default): records in the 回收站 longer
// than N days are purged (彻底删除, with the person forgotten in the audit log), and audit
// entries older than M days are removed. Kept in config.json beside the backup folder setting.
import dayjs from 'dayjs'
import { nowStamp } from '../../shared/dates'
import type { Output, ParsedInput } from '../../shared/contract'
import type { AppContext } from '../app/context'
import { committee } from '../committee/committee.handlers'
import { households } from '../households/households.handlers'
import { matters } from '../matters/matters.handlers'
import { meetings } from '../meetings/meetings.handlers'
import { talents } from '../talents/talents.handlers'
import { units } from '../units/units.handlers'
import { expiredInRecycleBin, removeAuditBefore } from './retention.repo'
import { readConfig, writeConfig } from './backup-folder'
import { refuseWhenReadOnly } from './restore'

const REGISTERS = [
  { table: 'talents', ops: talents },
  { table: 'units', ops: units },
  { table: 'committee_members', ops: committee },
  { table: 'households', ops: households },
  { table: 'meetings', ops: meetings },
  { table: 'matters', ops: matters },
] as const

type Retention = Output<'safety:retention'>

function days(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null
}

function readRetention(ctx: AppContext): Retention {
  const c = readConfig(ctx.paths)
  return { recycleDays: days(c.recycleDays), auditDays: days(c.auditDays) }
}

/** Applies the chosen retention now; returns what it removed. */
export function applyRetention(ctx: AppContext, now = new Date()) {
  const r = readRetention(ctx)
  let purged = 0
  let auditRemoved = 0
  if (ctx.safety.mode !== 'normal') return { purged, auditRemoved }
  if (r.recycleDays) {
    const cutoff = nowStamp(dayjs(now).subtract(r.recycleDays, 'day').toDate())
    for (const { table, ops } of REGISTERS)
      for (const id of expiredInRecycleBin(ctx.db, table, cutoff)) {
        ops.purge({ id }, ctx)
        purged++
      }
  }
  if (r.auditDays)
    auditRemoved = removeAuditBefore(
      ctx.db,
      nowStamp(dayjs(now).subtract(r.auditDays, 'day').toDate()),
    )
  return { purged, auditRemoved }
}

export const safetyRetention = (_i: ParsedInput<'safety:retention'>, ctx: AppContext) =>
  readRetention(ctx)

export function safetySetRetention(input: ParsedInput<'safety:set-retention'>, ctx: AppContext) {
  refuseWhenReadOnly(ctx, '更改保留期限')
  const { recycleDays: _r, auditDays: _a, ...rest } = readConfig(ctx.paths)
  writeConfig(ctx.paths, {
    ...rest,
    ...(input.recycleDays ? { recycleDays: input.recycleDays } : {}),
    ...(input.auditDays ? { auditDays: input.auditDays } : {}),
  })
  return { ...readRetention(ctx), ...applyRetention(ctx) }
}
