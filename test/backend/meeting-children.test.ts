import dayjs from 'dayjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
let meetingId: number
const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD')

beforeEach(async () => {
  b = testBackend()
  meetingId = (
    await b.call('meetings:create', {
      meeting_type: '党建联席会议',
      title: '第一次党建联席会议',
      meeting_date: day(-30),
      location: '会议室',
    })
  ).id
})
afterEach(() => b.dispose())

async function unitsAndMembers() {
  const unit = (name: string, org_secretary = '') =>
    b.call('units:create', {
      name,
      liaison: `${name.slice(0, 1)}联络`,
      liaison_phone: '13800000001',
      org_secretary,
      status: '共建中',
    })
  const hospital = await unit('盘龙区人民医院', '李书记')
  const school = await unit('青云街道第一小学')
  const member = (name: string, unitId: number | null, party_post: string, status = '在任') =>
    b.call('committee:create', {
      name,
      phone: '13900000000',
      unit_id: unitId,
      party_post,
      unit_post: '院长',
      level: '社区大党委',
      term_start: '2024-01-01',
      term_end: '2027-12-31',
      status,
    })
  const m1 = await member('张志红', hospital.id, '党委书记')
  const m2 = await member('刘建国', school.id, '')
  await member('赵离任', null, '支部书记', '离任')
  return { hospital, school, m1, m2 }
}

describe('参会人员', () => {
  it('the picker offers members in office and units, and copies names, units and posts', async () => {
    const { hospital, school, m1, m2 } = await unitsAndMembers()
    const options = await b.call('meetings:attendee-options', {})
    // In pinyin order (刘 liu before 张 zhang) within each level.
    expect(options.committee.map((c) => c.name)).toEqual(['刘建国', '张志红'])
    expect(options.units.map((u) => u.name)).toEqual(['盘龙区人民医院', '青云街道第一小学'])
    // The picker's search finds people and units by full pinyin and initials too.
    expect(options.committee[1]?.keys).toContain('zhangzhihong')
    expect(options.committee[1]?.keys).toContain('zzh')
    expect(options.committee[0]?.keys).toContain('qyjddyxx') // 刘建国's unit
    expect(options.units[0]?.keys).toContain('plqrmyy')

    const r = await b.call('meeting_attendees:pick', {
      meetingId,
      committeeIds: [m1.id, m2.id],
      unitIds: [school.id],
    })
    expect(r.skipped).toEqual([])
    expect(r.added.map((a) => [a.name, a.unit_name, a.post, a.attendance])).toEqual([
      ['张志红', '盘龙区人民医院', '党委书记', '出席'],
      ['刘建国', '青云街道第一小学', '院长', '出席'],
      ['青联络', '青云街道第一小学', '联络员', '出席'],
    ])
    expect(r.added[0]).toMatchObject({ committee_id: m1.id, unit_id: hospital.id })
    expect(r.added[2]).toMatchObject({ committee_id: null, unit_id: school.id })

    // Picking again adds nobody twice; a unit with a 党组织书记 sends its secretary.
    const again = await b.call('meeting_attendees:pick', {
      meetingId,
      committeeIds: [m1.id],
      unitIds: [school.id, hospital.id],
    })
    expect(again.skipped).toEqual(['张志红', '青联络'])
    expect(again.added.map((a) => [a.name, a.post])).toEqual([['李书记', '党组织书记']])

    // A typed guest goes to the end; renaming the member later does not change the copy.
    await b.call('meeting_attendees:create', {
      parentId: meetingId,
      data: { name: '孙明华', unit_name: '青云街道党工委', post: '组织委员', attendance: '列席' },
    })
    await b.call('committee:update', {
      id: m1.id,
      data: {
        name: '张志宏',
        phone: '13900000000',
        level: '社区大党委',
        term_start: '2024-01-01',
        term_end: '2027-12-31',
        status: '在任',
      },
    })
    const list = await b.call('meeting_attendees:list', { parentId: meetingId })
    expect(list.map((a) => a.name)).toEqual(['张志红', '刘建国', '青联络', '李书记', '孙明华'])
    expect((await b.call('meetings:get', { id: meetingId })).attendee_count).toBe(5)
  })

  it('someone on leave is not signed in; the reason is kept', async () => {
    const a = await b.call('meeting_attendees:create', {
      parentId: meetingId,
      data: { name: '王芳', attendance: '出席', signed_in: true },
    })
    expect(a.signed_in).toBe(true)
    const u = await b.call('meeting_attendees:update', {
      id: a.id,
      data: { name: '王芳', attendance: '请假', leave_reason: '外出学习', signed_in: true },
    })
    expect(u).toMatchObject({ attendance: '请假', leave_reason: '外出学习', signed_in: false })
    // The 工作台 names the person even though the update recorded only what changed.
    const recent = (await b.call('dashboard:summary', {})).recent[0]
    expect(recent).toMatchObject({ action: '修改', what: '参会人员「王芳」', register: 'meetings' })
    const bad = await b.raw('meeting_attendees:create', {
      parentId: meetingId,
      data: { name: '', attendance: '迟到' },
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!bad.ok)
      expect(bad.error.details?.map((d) => d.field)).toEqual(['data.name', 'data.attendance'])
  })

  it('refuses an empty pick and a deleted meeting', async () => {
    const empty = await b.raw('meeting_attendees:pick', {
      meetingId,
      committeeIds: [],
      unitIds: [],
    })
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!empty.ok) expect(empty.error.message).toContain('请至少勾选')
    const { m1 } = await unitsAndMembers()
    await b.call('meetings:delete', { id: meetingId })
    const gone = await b.raw('meeting_attendees:pick', { meetingId, committeeIds: [m1.id] })
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('议题', () => {
  it('keeps the order they were added, moves up and down, and records the move', async () => {
    const add = (title: string) =>
      b.call('meeting_topics:create', { parentId: meetingId, data: { title } })
    const t1 = await add('通报三项清单')
    const t2 = await add('楼道照明改造')
    const t3 = await add('助餐点建设')
    const titles = async () =>
      (await b.call('meeting_topics:list', { parentId: meetingId })).map((t) => t.title)
    expect(await titles()).toEqual(['通报三项清单', '楼道照明改造', '助餐点建设'])
    await b.call('meeting_topics:move', { id: t3.id, direction: 'up' })
    expect(await titles()).toEqual(['通报三项清单', '助餐点建设', '楼道照明改造'])
    await b.call('meeting_topics:move', { id: t1.id, direction: 'down' })
    expect(await titles()).toEqual(['助餐点建设', '通报三项清单', '楼道照明改造'])
    // Moving past either end changes nothing.
    await b.call('meeting_topics:move', { id: t3.id, direction: 'up' })
    await b.call('meeting_topics:delete', { id: t2.id })
    expect(await titles()).toEqual(['助餐点建设', '通报三项清单'])
    const history = await b.call('meetings:history', { id: meetingId })
    const move = history.find((h) => h.part === '议题' && h.action === '修改')
    expect(move).toMatchObject({
      title: '通报三项清单',
      changes: [{ field: 'sort_order', label: '顺序', before: '1', after: '2' }],
    })
  })
})

describe('议定事项', () => {
  it('copies the picked 责任单位, takes a typed one, and says when none is given', async () => {
    const { hospital } = await unitsAndMembers()
    const add = (data: Record<string, unknown>) =>
      b.raw('meeting_resolutions:create', {
        parentId: meetingId,
        data: { content: '楼道照明改造', status: '未开始', ...data },
      })
    const picked = await add({ lead_unit_id: hospital.id, lead_unit_name: '旧名字' })
    expect(picked).toMatchObject({ ok: true, data: { lead_unit_name: '盘龙区人民医院' } })
    const typed = await add({ lead_unit_name: '区城市管理局青云中队' })
    expect(typed).toMatchObject({
      ok: true,
      data: { lead_unit_id: null, lead_unit_name: '区城市管理局青云中队' },
    })
    const none = await add({})
    expect(none).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: [{ field: 'lead_unit_id', message: '请选择或填写责任单位' }],
      },
    })
    const early = await add({ lead_unit_name: '某单位', deadline: day(-40) })
    expect(early).toMatchObject({ ok: false, error: { details: [{ field: 'deadline' }] } })
    if (!early.ok) expect(early.error.message).toContain('完成时限不能早于会议日期')
    const noContent = await add({ content: ' ', lead_unit_name: '某单位' })
    expect(noContent).toMatchObject({
      ok: false,
      error: { details: [{ field: 'data.content', message: '请填写事项内容' }] },
    })
  })

  it('derives 逾期 from the deadline and status; 已完成 gets a completion date', async () => {
    const add = (content: string, deadline: string, status: string) =>
      b.call('meeting_resolutions:create', {
        parentId: meetingId,
        data: { content, lead_unit_name: '锦华社区党委', deadline, status },
      })
    const late = await add('逾期未办', day(-1), '推进中')
    const doneLate = await add('按期办完', day(-1), '已完成')
    const today = await add('今天到期', day(0), '未开始')
    const noDeadline = await add('没有时限', '', '未开始')
    expect(late.overdue).toBe(true)
    expect(doneLate).toMatchObject({ overdue: false, done_on: day(0) })
    expect(today.overdue).toBe(false)
    expect(noDeadline.overdue).toBe(false)
    expect((await b.call('meetings:get', { id: meetingId })).overdue_count).toBe(1)

    const overview = await b.call('meeting_resolutions:overview', { overdueOnly: true })
    expect(overview.rows.map((r) => r.content)).toEqual(['逾期未办'])
    expect(overview.rows[0]).toMatchObject({ meeting_title: '第一次党建联席会议', overdue: true })
    expect(overview.counts).toEqual({ all: 4, open: 3, overdue: 1, done: 1 })
    expect(overview.leadUnits).toEqual(['锦华社区党委'])
    const open = await b.call('meeting_resolutions:overview', { status: '未完成' })
    expect(open.rows.map((r) => r.content)).toEqual(['逾期未办', '今天到期', '没有时限'])
    const search = await b.call('meeting_resolutions:overview', { search: '办完' })
    expect(search.rows.map((r) => r.content)).toEqual(['按期办完'])

    // Marking it done clears 逾期; reopening clears the completion date.
    const done = await b.call('meeting_resolutions:update', {
      id: late.id,
      data: {
        content: '逾期未办',
        lead_unit_name: '锦华社区党委',
        deadline: day(-1),
        status: '已完成',
        progress: '已办结',
      },
    })
    expect(done).toMatchObject({ overdue: false, done_on: day(0), progress: '已办结' })
    const reopened = await b.call('meeting_resolutions:update', {
      id: late.id,
      data: {
        content: '逾期未办',
        lead_unit_name: '锦华社区党委',
        deadline: day(-1),
        status: '推进中',
        done_on: day(0),
      },
    })
    expect(reopened).toMatchObject({ overdue: true, done_on: '' })

    const summary = await b.call('dashboard:summary', {})
    expect(summary.meetings).toMatchObject({ openResolutions: 3, overdueResolutions: 1 })
    expect(summary.meetings.overdue.map((o) => o.content)).toEqual(['逾期未办'])
    // A deleted meeting's items leave the overview and the counts.
    await b.call('meetings:delete', { id: meetingId })
    expect((await b.call('meeting_resolutions:overview', {})).total).toBe(0)
    expect((await b.call('dashboard:summary', {})).meetings.openResolutions).toBe(0)
  })
})

describe('兼职委员 参会情况', () => {
  it('is derived from the meetings’ attendee lists, newest first, and follows their changes', async () => {
    const { m1, m2 } = await unitsAndMembers()
    const later = (
      await b.call('meetings:create', {
        meeting_type: '大党委会议',
        title: '第二次大党委会议',
        meeting_date: day(-5),
        location: '会议室',
      })
    ).id
    await b.call('meeting_attendees:pick', { meetingId, committeeIds: [m1.id, m2.id], unitIds: [] })
    await b.call('meeting_attendees:pick', { meetingId: later, committeeIds: [m1.id], unitIds: [] })
    const row = (await b.call('meeting_attendees:list', { parentId: later }))[0]
    if (!row) throw new Error('attendee missing')
    await b.call('meeting_attendees:update', {
      id: row.id,
      data: {
        name: row.name,
        unit_name: row.unit_name,
        post: row.post,
        attendance: '请假',
        leave_reason: '外出学习',
        signed_in: false,
      },
    })

    const mine = await b.call('committee:attendance', { id: m1.id })
    expect(mine.map((r) => [r.title, r.attendance, r.leave_reason])).toEqual([
      ['第二次大党委会议', '请假', '外出学习'],
      ['第一次党建联席会议', '出席', ''],
    ])
    expect((await b.call('committee:attendance', { id: m2.id })).length).toBe(1)

    await b.call('meetings:delete', { id: later })
    expect((await b.call('committee:attendance', { id: m1.id })).map((r) => r.title)).toEqual([
      '第一次党建联席会议',
    ])
    const missing = await b.raw('committee:attendance', { id: 99999 })
    expect(missing.ok).toBe(false)
  })
})
