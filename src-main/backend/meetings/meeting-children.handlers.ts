// The attendee picker (several 兼职委员 and 共建单位 at once, names copied) and moving a
// row of 参会人员 / 议题 / 议定事项 up or down; both audited against the meeting.
import type { Output, ParsedInput } from '../../shared/contract'
import { nowStamp } from '../../shared/dates'
import { AppError } from '../../shared/result'
import type { ChildSpec } from '../../shared/registers/registers'
import { REGISTERS } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { atomic } from '../db/statements'
import { fromStored, insertRow, liveExists, selectOne } from '../registers/register.repo'
import {
  ATTENDEE_SELECT,
  membersByIds,
  membersInOffice,
  nextOrder,
  orderedIds,
  parentOf,
  presentAttendees,
  setOrder,
  unitsByIds,
  unitsInPartnership,
} from './meetings.repo'
import { pinyinKeys } from '../search/search-tokens'

const spec = REGISTERS.meetings
const attendeeSpec = spec.children[0]

function requireMeeting(ctx: AppContext, id: number): void {
  if (!liveExists(ctx.db, spec.table, id)) {
    throw new AppError('NOT_FOUND', '会议不存在或已被删除，请刷新后重试')
  }
}

export function attendeeOptions(ctx: AppContext): Output<'meetings:attendee-options'> {
  // Pinyin keys let the picker find 张志红 by "zzh" or "zhangzhihong", like the register lists.
  return {
    committee: membersInOffice(ctx.db).map((m) => ({
      ...m,
      keys: `${pinyinKeys(m.name, true)} ${pinyinKeys(m.unit_name)}`,
    })),
    units: unitsInPartnership(ctx.db).map((u) => (u.keys ? u : { ...u, keys: pinyinKeys(u.name) })),
  }
}

interface Candidate {
  name: string
  unit_name: string
  post: string
  committee_id: number | null
  unit_id: number | null
}

function candidates(ctx: AppContext, input: ParsedInput<'meeting_attendees:pick'>): Candidate[] {
  const members = membersByIds(ctx.db, input.committeeIds)
  const units = unitsByIds(ctx.db, input.unitIds)
  if (
    members.length < new Set(input.committeeIds).size ||
    units.length < new Set(input.unitIds).size
  ) {
    throw new AppError('NOT_FOUND', '所选的兼职委员或共建单位有的已被删除，请刷新后重新选择')
  }
  const out: Candidate[] = []
  for (const id of input.committeeIds) {
    const m = members.find((x) => x.id === id)
    if (m)
      out.push({
        name: m.name,
        unit_name: m.unit_name,
        post: m.party_post || m.unit_post,
        committee_id: m.id,
        unit_id: m.unit_id,
      })
  }
  // A unit is represented by its 党组织书记, or else its 联络员.
  for (const id of input.unitIds) {
    const u = units.find((x) => x.id === id)
    if (u)
      out.push({
        name: u.org_secretary || u.liaison,
        unit_name: u.name,
        post: u.org_secretary ? '党组织书记' : '联络员',
        committee_id: null,
        unit_id: u.id,
      })
  }
  return out
}

export function pickAttendees(
  input: ParsedInput<'meeting_attendees:pick'>,
  ctx: AppContext,
): Output<'meeting_attendees:pick'> {
  return atomic(ctx.db, () => {
    requireMeeting(ctx, input.meetingId)
    const present = presentAttendees(ctx.db, input.meetingId)
    let order = nextOrder(ctx.db, attendeeSpec.table, input.meetingId)
    type Added = Output<'meeting_attendees:pick'>['added'][number]
    const added: Added[] = []
    const skipped: string[] = []
    const stamp = nowStamp()
    for (const c of candidates(ctx, input)) {
      const already = present.some((p) =>
        c.committee_id !== null
          ? p.committee_id === c.committee_id
          : p.unit_id === c.unit_id && p.name === c.name,
      )
      if (already) {
        skipped.push(c.name)
        continue
      }
      const values = {
        name: c.name,
        unit_name: c.unit_name,
        post: c.post,
        attendance: '出席',
        leave_reason: '',
        signed_in: false,
        note: '',
      }
      const id = insertRow(ctx.db, attendeeSpec.table, attendeeSpec.fields, values, stamp, {
        meeting_id: input.meetingId,
        committee_id: c.committee_id,
        unit_id: c.unit_id,
        sort_order: order++,
      })
      present.push({ committee_id: c.committee_id, unit_id: c.unit_id, name: c.name })
      writeAudit(ctx.db, {
        operator: ctx.operator(),
        table: attendeeSpec.table,
        rowId: id,
        action: 'create',
        after: values,
        parent: { table: spec.table, id: input.meetingId },
      })
      const row = selectOne(ctx.db, ATTENDEE_SELECT, id)
      if (row) added.push(fromStored<Added>(attendeeSpec.fields, row))
    }
    return { added, skipped }
  })
}

/** Swaps a row with its neighbour; the list is renumbered 1…n so the order stays dense. */
export function moveHandler(child: ChildSpec) {
  return (input: ParsedInput<'meeting_topics:move'>, ctx: AppContext): { id: number } =>
    atomic(ctx.db, () => {
      const row = parentOf(ctx.db, child.table, input.id)
      if (!row) throw new AppError('NOT_FOUND', `这条${child.label}不存在或已被删除，请刷新后重试`)
      requireMeeting(ctx, row.meeting_id)
      const ids = orderedIds(ctx.db, child.table, row.meeting_id).map((r) => r.id)
      const from = ids.indexOf(input.id)
      const to = input.direction === 'up' ? from - 1 : from + 1
      if (from < 0 || to < 0 || to >= ids.length) return { id: input.id }
      ids.splice(to, 0, ...ids.splice(from, 1))
      ids.forEach((id, i) => setOrder(ctx.db, child.table, id, i + 1))
      writeAudit(ctx.db, {
        operator: ctx.operator(),
        table: child.table,
        rowId: input.id,
        action: 'update',
        before: { sort_order: from + 1 },
        after: { sort_order: to + 1 },
        parent: { table: spec.table, id: row.meeting_id },
      })
      return { id: input.id }
    })
}
