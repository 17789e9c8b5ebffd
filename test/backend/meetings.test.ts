import dayjs from 'dayjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fillDemo } from '../../src-main/backend/demo/demo'
import { runCli } from '../../src-main/cli/cli'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD')
const year = dayjs().year()

const meeting = (extra: Record<string, unknown> = {}) => ({
  meeting_type: '党建联席会议',
  title: '锦华社区第一次党建联席会议',
  meeting_date: day(-30),
  location: '社区党群服务中心会议室',
  host: '周丽华',
  ...extra,
})

describe('meetings register', () => {
  it('create, read, update, delete to 回收站, restore, with history', async () => {
    const m = await b.call('meetings:create', meeting({ start_time: '09:30', end_time: '11:00' }))
    expect(m).toMatchObject({
      title: '锦华社区第一次党建联席会议',
      seq_no: null,
      attendee_count: 0,
    })
    expect(await b.call('meetings:get', { id: m.id })).toMatchObject({ host: '周丽华' })
    const u = await b.call('meetings:update', {
      id: m.id,
      data: meeting({ location: '二楼会议室', seq_no: 1 }),
    })
    expect(u).toMatchObject({ location: '二楼会议室', seq_no: 1, start_time: '' })
    await b.call('meetings:delete', { id: m.id })
    expect((await b.call('meetings:list', {})).total).toBe(0)
    expect((await b.call('meetings:list', { trash: true })).rows[0]?.id).toBe(m.id)
    await b.call('meetings:restore', { id: m.id })
    expect((await b.call('meetings:list', {})).total).toBe(1)
    const history = await b.call('meetings:history', { id: m.id })
    expect(history.map((h) => h.action)).toEqual(['恢复', '删除', '修改', '新增'])
    expect(history[2]?.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'location',
          label: '会议地点',
          before: '社区党群服务中心会议室',
          after: '二楼会议室',
        },
      ]),
    )
  })

  it('searches title, place and host by text and pinyin initials; filters by type and year', async () => {
    await b.call('meetings:create', meeting({ meeting_date: day(-10) }))
    await b.call('meetings:create', {
      ...meeting({ meeting_type: '居民议事会', title: '馨园小区充电棚议事会', host: '何桂英' }),
      location: '馨园小区活动室',
      meeting_date: `${year - 1}-06-01`,
    })
    const find = async (search: string) =>
      (await b.call('meetings:list', { search })).rows.map((r) => r.title)
    expect(await find('充电')).toEqual(['馨园小区充电棚议事会'])
    expect(await find('xyxq')).toEqual(['馨园小区充电棚议事会'])
    expect(await find('hgy')).toEqual(['馨园小区充电棚议事会'])
    expect(await find('党建')).toEqual(['锦华社区第一次党建联席会议'])
    expect(await find('djlx')).toEqual(['锦华社区第一次党建联席会议'])
    const byType = await b.call('meetings:list', { filters: { meeting_type: '居民议事会' } })
    expect(byType.total).toBe(1)
    const byYear = await b.call('meetings:list', { filters: { year: year - 1 } })
    expect(byYear.rows.map((r) => r.title)).toEqual(['馨园小区充电棚议事会'])
    // Newest first by default; oldest first when asked.
    expect((await b.call('meetings:list', {})).rows[0]?.title).toBe('锦华社区第一次党建联席会议')
    const asc = await b.call('meetings:list', { sort: { field: 'meeting_date', order: 'asc' } })
    expect(asc.rows[0]?.title).toBe('馨园小区充电棚议事会')
    expect(await b.call('meetings:years', {})).toEqual([year, year - 1])
  })

  it('suggests the next 期号 per type and year, and refuses a duplicate', async () => {
    const next = (meeting_type: '党建联席会议' | '大党委会议', y = year) =>
      b.call('meetings:next-seq', { meeting_type, year: y })
    expect(await next('党建联席会议')).toEqual({ seq_no: 1 })
    await b.call('meetings:create', meeting({ seq_no: 1, meeting_date: `${year}-01-10` }))
    const second = await b.call(
      'meetings:create',
      meeting({ seq_no: 2, meeting_date: `${year}-04-10` }),
    )
    expect(await next('党建联席会议')).toEqual({ seq_no: 3 })
    expect(await next('大党委会议')).toEqual({ seq_no: 1 })
    expect(await next('党建联席会议', year - 1)).toEqual({ seq_no: 1 })
    const dup = await b.raw(
      'meetings:create',
      meeting({ seq_no: 2, meeting_date: `${year}-05-10` }),
    )
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: [{ field: 'seq_no' }] },
    })
    if (!dup.ok) expect(dup.error.message).toContain(`${year} 年已有第 2 次党建联席会议`)
    // The same number in another year or type is fine; a deleted meeting frees its number.
    await b.call('meetings:create', meeting({ seq_no: 2, meeting_date: `${year - 1}-05-10` }))
    await b.call('meetings:delete', { id: second.id })
    expect(await next('党建联席会议')).toEqual({ seq_no: 2 })
  })

  it('says in Chinese what is missing or wrong', async () => {
    const r = await b.raw('meetings:create', { meeting_type: '党建联席会议' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.details).toEqual(
      expect.arrayContaining([
        { field: 'title', message: '请填写会议标题' },
        { field: 'meeting_date', message: '请填写会议日期' },
        { field: 'location', message: '请填写会议地点' },
      ]),
    )
    const blank = await b.raw('meetings:create', meeting({ title: '   ', location: '' }))
    expect(blank).toMatchObject({
      ok: false,
      error: {
        details: [
          { field: 'title', message: '请填写会议标题' },
          { field: 'location', message: '请填写会议地点' },
        ],
      },
    })
    // 2026/11/22 and ２０２６．１１．２２ are read as dates (shared/validators/normalize.ts).
    const slashed = await b.call('meetings:create', meeting({ meeting_date: '２０２６/11/22' }))
    expect(slashed.meeting_date).toBe('2026-11-22')
    for (const bad of ['2026-02-30', '2026/13/22', '昨天']) {
      const d = await b.raw('meetings:create', meeting({ meeting_date: bad }))
      expect(d).toMatchObject({
        ok: false,
        error: { details: [{ field: 'meeting_date', message: '会议日期格式应为 2026-11-22' }] },
      })
    }
    const t = await b.raw('meetings:create', meeting({ start_time: '9点' }))
    expect(t).toMatchObject({
      ok: false,
      error: { details: [{ field: 'start_time', message: '开始时间格式应为 09:30' }] },
    })
    const order = await b.raw(
      'meetings:create',
      meeting({ start_time: '10:00', end_time: '09:00' }),
    )
    expect(order).toMatchObject({
      ok: false,
      error: { details: [{ field: 'end_time', message: '结束时间不能早于开始时间' }] },
    })
    const type = await b.raw('meetings:create', meeting({ meeting_type: '茶话会' }))
    expect(type).toMatchObject({ ok: false, error: { details: [{ field: 'meeting_type' }] } })
    expect((await b.call('meetings:list', {})).total).toBe(1) // only the meeting with the slashed date
  })
})

describe('lianjian list meetings', () => {
  it('lists meetings, searches them and prints JSON with the contact phone masked', async () => {
    await b.call('meetings:create', meeting({ contact: '杨晓燕', contact_phone: '13812345678' }))
    await b.call(
      'meetings:create',
      meeting({ title: '馨园小区议事会', meeting_type: '居民议事会' }),
    )
    b.close()
    const run = async (args: string[]) => {
      const out: string[] = []
      const err: string[] = []
      const code = await runCli([...args, '--data-dir', b.dataDir], {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        env: {},
      })
      return { code, out: out.join('\n'), err: err.join('\n') }
    }
    const all = await run(['list', 'meetings'])
    expect(all.code).toBe(0)
    expect(all.out).toContain('会议：共 2 条')
    expect(all.out).toContain('锦华社区第一次党建联席会议')
    const found = await run(['list', 'meetings', '--search', 'xyxq', '--json'])
    const json = JSON.parse(found.out) as { total: number; rows: { title: string }[] }
    expect(json).toMatchObject({ total: 1, rows: [{ title: '馨园小区议事会' }] })
    const masked = await run(['list', 'meetings', '--json'])
    expect(masked.out).toContain('138****5678')
    expect(masked.out).not.toContain('13812345678')
  })
})

describe('demo meetings', () => {
  it('fills believable meetings with attendees, topics and agreed items, some overdue, some done', async () => {
    fillDemo(b.ctx)
    const list = await b.call('meetings:list', { pageSize: 50 })
    expect(list.total).toBeGreaterThanOrEqual(5)
    expect(
      list.rows.filter((m) => m.meeting_type === '党建联席会议').length,
    ).toBeGreaterThanOrEqual(3)
    for (const m of list.rows) {
      expect(m.meeting_date >= day(-366) && m.meeting_date < day(0)).toBe(true)
      expect(m.topic_count).toBeGreaterThanOrEqual(2)
      expect(m.topic_count).toBeLessThanOrEqual(4)
      expect(m.resolution_count).toBeGreaterThanOrEqual(2)
      expect(m.resolution_count).toBeLessThanOrEqual(4)
      const people = await b.call('meeting_attendees:list', { parentId: m.id })
      expect(people.some((p) => p.committee_id !== null)).toBe(true)
    }
    const overview = await b.call('meeting_resolutions:overview', {})
    expect(overview.counts.overdue).toBeGreaterThanOrEqual(2)
    expect(overview.counts.done).toBeGreaterThanOrEqual(2)
    const joint = list.rows.find((m) => m.meeting_type === '党建联席会议')
    const people = await b.call('meeting_attendees:list', { parentId: Number(joint?.id) })
    expect(people.map((p) => p.attendance)).toEqual(
      expect.arrayContaining(['出席', '请假', '列席']),
    )
    expect(people.find((p) => p.attendance === '请假')?.leave_reason).not.toBe('')
  })
})
