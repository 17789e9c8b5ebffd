// The demo community's meetings, written through the meeting handlers like a user would:
// create the meeting, pick attendees from 兼职委员 and 共建单位, then topics and agreed items.
import dayjs from 'dayjs'
import {
  AttendeeInput,
  MeetingInput,
  ResolutionInput,
  TopicInput,
} from '../../shared/schemas/meetings.schema'
import type { AppContext } from '../app/context'
import {
  meetingAttendees,
  meetingExtras,
  meetingResolutions,
  meetings,
  meetingTopics,
} from '../meetings/meetings.handlers'
import { pickAttendees } from '../meetings/meeting-children.handlers'
import { membersInOffice } from '../meetings/meetings.repo'
import { liveUnitByName } from '../units/units.repo'
import type { DemoMeeting } from './demo-meeting-shape'
import { DEMO_MEETINGS } from './demo-meetings-data'

const day = (d: dayjs.Dayjs, n: number) => d.add(n, 'day').format('YYYY-MM-DD')

function titleOf(m: DemoMeeting, date: dayjs.Dayjs, seq: number): string {
  if (m.title) return m.title
  return `锦华社区${date.year()}年第${seq}次${m.type}`
}

function addAttendees(ctx: AppContext, m: DemoMeeting, meetingId: number, past: boolean): void {
  const members = membersInOffice(ctx.db)
  // Rotate who comes, so meetings differ but stay the same on every run.
  const committeeIds = members
    .map((_, i) => members[(i + meetingId * 3) % members.length]?.id ?? 0)
    .slice(0, m.members)
  const unitIds = m.units.map((name) => liveUnitByName(ctx.db, name)?.id).filter((id) => !!id)
  const picked = pickAttendees({ meetingId, committeeIds, unitIds: unitIds as number[] }, ctx).added
  picked.forEach((a, i) => {
    const leave = m.leave.find(([pos]) => pos === i)
    meetingAttendees.update(
      {
        id: a.id,
        data: AttendeeInput.parse({
          name: a.name,
          unit_name: a.unit_name,
          post: a.post,
          attendance: leave ? '请假' : '出席',
          leave_reason: leave?.[1] ?? '',
          // One person forgot to sign in at the last meeting.
          signed_in: past && !leave && i !== 6,
        }),
      },
      ctx,
    )
  })
  for (const [name, unit, post] of m.guests) {
    meetingAttendees.create(
      {
        parentId: meetingId,
        data: AttendeeInput.parse({
          name,
          unit_name: unit,
          post,
          attendance: m.type === '居民议事会' ? '出席' : '列席',
          signed_in: past,
        }),
      },
      ctx,
    )
  }
}

export function fillDemoMeetings(ctx: AppContext): number {
  const today = dayjs()
  for (const m of DEMO_MEETINGS) {
    const date = today.subtract(m.ago, 'day')
    const seq = meetingExtras['meetings:next-seq'](
      { meeting_type: m.type, year: date.year() },
      ctx,
    ) as { seq_no: number }
    const meeting = meetings.create(
      MeetingInput.parse({
        meeting_type: m.type,
        seq_no: seq.seq_no,
        title: titleOf(m, date, seq.seq_no),
        meeting_date: date.format('YYYY-MM-DD'),
        start_time: m.start,
        end_time: m.end,
        location: m.location,
        host: '周丽华',
        recorder: '杨晓燕',
        contact: '杨晓燕',
        contact_phone: '0871-65123456',
        summary: m.summary,
      }),
      ctx,
    )
    const id = Number(meeting.id)
    addAttendees(ctx, m, id, true)
    for (const [title, proposer, description] of m.topics) {
      meetingTopics.create(
        { parentId: id, data: TopicInput.parse({ title, proposer, description }) },
        ctx,
      )
    }
    for (const r of m.resolutions) {
      const unit = liveUnitByName(ctx.db, r.lead)
      meetingResolutions.create(
        {
          parentId: id,
          data: ResolutionInput.parse({
            content: r.content,
            lead_unit_id: unit?.id ?? null,
            lead_unit_name: r.lead,
            partner_units: r.partners,
            deadline: day(date, r.due),
            status: r.status,
            progress: r.progress.map(([d, text]) => `${day(date, d)} ${text}`).join('\n'),
            done_on: r.doneAfter === undefined ? '' : day(date, r.doneAfter),
          }),
        },
        ctx,
      )
    }
  }
  return DEMO_MEETINGS.length
}
