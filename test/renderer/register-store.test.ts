// The generic register store and child lists call the contract's own channels with typed rows,
// and send form field maps through `submit`: checked by the channel's schema before anything
// is sent, failing exactly as the backend would.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError, setTransport } from '../../src-renderer/src/api/client'
import { suggestSeq } from '../../src-renderer/src/stores/meetings.store'
import { childApi } from '../../src-renderer/src/stores/register-store'
import { useTalentsStore } from '../../src-renderer/src/stores/talents.store'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
let sent: string[]
beforeEach(() => {
  b = testBackend()
  sent = []
  setTransport((channel, input) => {
    sent.push(channel)
    return b.invoke(channel, input)
  })
  setActivePinia(createPinia())
})
afterEach(() => {
  setTransport(undefined)
  b.dispose()
})

const bad = { name: '', phone: '12345', status: '在册' }

describe('register store', () => {
  it('creates, lists and reads records through the register’s own channels', async () => {
    const store = useTalentsStore()
    const t = await store.create({ name: '李志红', phone: '138 0000 1234', status: '在册' })
    expect(t).toMatchObject({ name: '李志红', phone: '13800001234' })
    expect(store.rows.map((r) => r.id)).toEqual([t.id])
    expect(await store.get(t.id)).toMatchObject({ id: t.id, name: '李志红' })
    expect((await store.history(t.id))[0]).toMatchObject({ action: '新增', part: '基本信息' })
    expect(sent).toEqual(['talents:create', 'talents:list', 'talents:get', 'talents:history'])
  })

  it('refuses a bad form before sending it, with the details the backend would give', async () => {
    const store = useTalentsStore()
    const err = await store.create(bad).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const backend = await b.raw('talents:create', bad)
    expect(backend.ok).toBe(false)
    if (backend.ok || !(err instanceof ApiError)) return
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toBe(backend.error.message)
    expect(err.details).toEqual(backend.error.details)
    expect(err.details.map((d) => d.field).sort()).toEqual(['name', 'phone'])
    expect(sent).toEqual([])
    expect((await b.call('talents:list', {})).total).toBe(0)
  })

  it('an update is checked the same way, and a good one is saved', async () => {
    const store = useTalentsStore()
    const t = await store.create({ name: '李志红', phone: '13800001234', status: '在册' })
    sent = []
    await expect(store.update(t.id, { ...bad })).rejects.toBeInstanceOf(ApiError)
    expect(sent).toEqual([])
    const u = await store.update(t.id, { name: '李志红', phone: '13800001234', status: '暂停' })
    expect(u).toMatchObject({ status: '暂停' })
  })
})

describe('child lists', () => {
  it('add, list and refuse rows through the child list’s own channels', async () => {
    const t = await b.call('talents:create', {
      name: '王建华',
      phone: '13800004321',
      status: '在册',
    })
    const row = await childApi.create('talent_services', t.id, {
      service_date: '2026-11-20',
      item: '义诊',
    })
    expect(row).toMatchObject({ parent_id: t.id, item: '义诊' })
    expect((await childApi.list('talent_services', t.id)).map((r) => r.id)).toEqual([row.id])
    sent = []
    const err = await childApi
      .update('talent_services', row.id, { service_date: '2026-13-40', item: '' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(sent).toEqual([])
    if (err instanceof ApiError)
      expect(err.details.map((d) => d.field).sort()).toEqual(['data.item', 'data.service_date'])
  })
})

describe('期号 suggestion', () => {
  it('asks only for a real 会议类型, typed as the contract’s choice', async () => {
    expect(await suggestSeq('党建联席会议', 2026)).toBe(1)
    expect(sent).toEqual(['meetings:next-seq'])
    expect(await suggestSeq('茶话会', 2026)).toBeNull()
    expect(sent).toEqual(['meetings:next-seq'])
  })
})
