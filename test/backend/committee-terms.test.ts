// 任期 as the screens use it: a member whose 任期止 has passed is not offered as 在任 in the
// attendee picker, and the 任期提醒 filter lists the soonest 任期止 first.
import dayjs from 'dayjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD')
const member = (name: string, term_end: string) =>
  b.call('committee:create', {
    name,
    phone: '13900000000',
    level: '社区大党委',
    term_start: '2020-01-01',
    term_end,
    status: '在任',
  })

describe('committee terms', () => {
  it('the attendee picker leaves out a member whose term has ended, though still marked 在任', async () => {
    await member('张志红', day(300))
    await member('刘过期', day(-1))
    await member('王今天', day(0))
    const { committee } = await b.call('meetings:attendee-options', {})
    expect(committee.map((m) => m.name).sort()).toEqual(['张志红', '王今天'].sort())
  })

  it('the 任期提醒 filter lists the soonest 任期止 first unless a column is sorted', async () => {
    await member('晚到期', day(50))
    await member('早到期', day(5))
    await member('中到期', day(20))
    await member('不提醒', day(300))
    const list = await b.call('committee:list', { filters: { term: 'expiring' } })
    expect(list.rows.map((r) => r.name)).toEqual(['早到期', '中到期', '晚到期'])
    const sorted = await b.call('committee:list', {
      filters: { term: 'expiring' },
      sort: { field: 'term_end', order: 'desc' },
    })
    expect(sorted.rows.map((r) => r.name)).toEqual(['晚到期', '中到期', '早到期'])
  })
})
