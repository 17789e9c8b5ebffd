// The demo's year of 民情事项: every state there, some overdue, some reopened after 不满意,
// responders drawn from the registers, and each timeline spread over the days it took.
import dayjs from 'dayjs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { MATTER_STATUS } from '../../src-main/shared/dictionaries'
import type { Output } from '../../src-main/shared/contract'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
const rows: Output<'matters:list'>['rows'] = []
beforeAll(async () => {
  b = testBackend()
  const summary = await b.call('app:demo', {})
  expect(summary.matters).toBeGreaterThan(100)
  for (let page = 1; rows.length < summary.matters; page++)
    rows.push(...(await b.call('matters:list', { page, pageSize: 100 })).rows)
}, 60_000)
afterAll(() => b.dispose())

it('has items in every state, some overdue and some reopened after 不满意', () => {
  const states = new Set(rows.map((r) => r.status))
  expect([...MATTER_STATUS].filter((s) => !states.has(s))).toEqual([])
  expect(rows.filter((r) => r.overdue === 1).length).toBeGreaterThan(3)
  expect(rows.filter((r) => r.reopen_count > 0).length).toBeGreaterThan(3)
  expect(rows.some((r) => r.merged_into_code !== '')).toBe(true)
})

it('dispatches to talents, units, committee members, households and 吹哨 offices', async () => {
  const kinds = new Set<string>()
  for (const r of rows.filter((x) => x.responder_names !== '').slice(0, 80))
    for (const p of (await b.call('matters:timeline', { id: r.id })).responders) kinds.add(p.kind)
  expect([...kinds].sort()).toEqual(['committee', 'household', 'office', 'talent', 'unit'])
})

it('spreads a closed item’s timeline over the days it took, never in the future', async () => {
  const done = rows.find((r) => r.status === '已评价' && r.reopen_count > 0)
  expect(done).toBeDefined()
  const t = await b.call('matters:timeline', { id: done?.id ?? 0 })
  const days = t.events.map((e) => e.happened_on)
  expect(days[0]).toBe(done?.reported_on)
  expect([...days].sort()).toEqual(days)
  expect(new Set(days).size).toBeGreaterThan(2)
  const now = dayjs().format('YYYY-MM-DD')
  expect(t.events.every((e) => e.happened_on <= now)).toBe(true)
  expect(t.events.map((e) => e.action)).toContain('reopen')
})
