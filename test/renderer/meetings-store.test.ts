import dayjs from 'dayjs'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setTransport } from '../../src-renderer/src/api/client'
import { useMeetingDetailStore } from '../../src-renderer/src/stores/meetings.store'
import { useResolutionsStore } from '../../src-renderer/src/stores/resolutions.store'
import { meetingTitle } from '../../src-renderer/src/views/meetings/use-meetings-view'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

// The meeting stores against a real backend on a real SQLite file, in-process.
let b: TestBackend
beforeEach(() => {
  b = testBackend()
  setTransport(b.invoke)
  setActivePinia(createPinia())
})
afterEach(() => {
  setTransport(undefined)
  b.dispose()
})

const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD')

async function meetingWithMember() {
  const unit = await b.call('units:create', {
    name: '盘龙区人民医院',
    liaison: '陈联络',
    liaison_phone: '13800000001',
    status: '共建中',
  })
  const member = await b.call('committee:create', {
    name: '张志红',
    phone: '13900000000',
    unit_id: unit.id,
    party_post: '党委书记',
    level: '社区大党委',
    term_start: '2024-01-01',
    term_end: day(300),
    status: '在任',
  })
  const meeting = await b.call('meetings:create', {
    meeting_type: '党建联席会议',
    title: '第一次党建联席会议',
    meeting_date: day(-20),
    location: '会议室',
  })
  return { unit, member, meeting }
}

describe('meeting detail store', () => {
  it('loads a meeting with its lists, picks attendees, saves, moves and deletes rows', async () => {
    const { member, meeting, unit } = await meetingWithMember()
    const store = useMeetingDetailStore()
    await store.load(meeting.id)
    expect(store.meeting?.title).toBe('第一次党建联席会议')
    expect(store.attendees).toEqual([])

    const r = await store.pick({ committeeIds: [member.id] })
    expect(r.added).toHaveLength(1)
    expect(store.attendees.map((a) => [a.name, a.unit_name])).toEqual([['张志红', unit.name]])
    expect(store.meeting?.attendee_count).toBe(1)

    await store.saveChild('meeting_topics', null, { title: '议题甲' })
    await store.saveChild('meeting_topics', null, { title: '议题乙' })
    await store.move('meeting_topics', store.topics[1]?.id ?? 0, 'up')
    expect(store.topics.map((t) => t.title)).toEqual(['议题乙', '议题甲'])

    await store.saveChild('meeting_resolutions', null, {
      content: '逾期事项',
      lead_unit_name: '区城管中队',
      deadline: day(-1),
      status: '推进中',
    })
    expect(store.resolutions[0]?.overdue).toBe(true)
    expect(store.meeting?.overdue_count).toBe(1)

    await store.removeChild('meeting_topics', store.topics[0]?.id ?? 0)
    expect(store.topics.map((t) => t.title)).toEqual(['议题甲'])
  })

  it('a missing meeting says so', async () => {
    const store = useMeetingDetailStore()
    await store.load(999)
    expect(store.meeting).toBeNull()
    expect(store.error).toContain('会议不存在')
  })
})

describe('resolutions store', () => {
  it('lists open items overdue first and saves a progress update', async () => {
    const { meeting } = await meetingWithMember()
    for (const [content, deadline] of [
      ['按期事项', day(10)],
      ['逾期事项', day(-3)],
    ] as const) {
      await b.call('meeting_resolutions:create', {
        parentId: meeting.id,
        data: { content, lead_unit_name: '锦华社区党委', deadline, status: '推进中' },
      })
    }
    const store = useResolutionsStore()
    await store.reset()
    expect(store.rows.map((r) => r.content)).toEqual(['逾期事项', '按期事项'])
    expect(store.counts).toEqual({ all: 2, open: 2, overdue: 1, done: 0 })
    const late = store.rows[0]
    if (!late) throw new Error('no row')
    await store.update(late, { status: '已完成', progress: '已办结' })
    expect(store.rows.map((r) => r.content)).toEqual(['按期事项'])
    expect(store.counts).toMatchObject({ overdue: 0, done: 1 })
  })
})

describe('suggested title', () => {
  it('names the community, year, number and type; 其他 gets none', () => {
    expect(meetingTitle('锦华社区', '党建联席会议', 2026, 3)).toBe(
      '锦华社区2026年第3次党建联席会议',
    )
    expect(meetingTitle('锦华社区', '其他', 2026, 1)).toBe('')
  })
})
