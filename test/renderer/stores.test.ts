import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError, setTransport } from '../../src-renderer/src/api/client'
import { useGridsStore } from '../../src-renderer/src/stores/grids.store'
import { useSettingsStore } from '../../src-renderer/src/stores/settings.store'
import { useUnitsStore } from '../../src-renderer/src/stores/units.store'
import { testBackend, type TestBackend } from '../helpers/temp-backend'
import type { Input } from '../../src-main/shared/contract'
import { REGISTER_CASES } from '../helpers/register-cases'

// The stores talk to a real backend on a real SQLite file, in-process, through the same
// Result envelope the doors return.
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

describe('settings store', () => {
  it('loads, saves and keeps the saved copy', async () => {
    const store = useSettingsStore()
    await store.load()
    expect(store.settings?.configured).toBe(false)
    await store.save({
      community_name: '锦华社区',
      street_name: '青云街道',
      party_org_name: '中共锦华社区委员会',
    })
    expect(store.settings).toMatchObject({ configured: true, community_name: '锦华社区' })
    expect((await b.call('settings:get', {})).street_name).toBe('青云街道')
  })

  it('a rejected save throws an ApiError with field details and keeps the old copy', async () => {
    const store = useSettingsStore()
    await store.load()
    const err = await store
      .save({ community_name: '', street_name: 'x', party_org_name: 'y' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).details[0]).toEqual({
      field: 'community_name',
      message: '请填写社区名称',
    })
    expect(store.settings?.configured).toBe(false)
  })
})

describe('grids store', () => {
  it('owns items, loading and error, and reloads after each change', async () => {
    const store = useGridsStore()
    const pending = store.load()
    expect(store.loading).toBe(true)
    await pending
    expect(store.loading).toBe(false)
    const g = await store.create({ name: '第一网格' })
    await store.create({ name: '第二网格' })
    expect(store.items.map((x) => x.name)).toEqual(['第一网格', '第二网格'])
    await store.update(g.id, { name: '第一网格（锦华苑）' })
    await store.remove(g.id)
    expect(store.items.map((x) => x.name)).toEqual(['第二网格'])
    expect(store.error).toBeNull()
  })

  it('reports a failed load as a Chinese error', async () => {
    setTransport(async () => ({
      ok: false,
      error: { code: 'DB_DAMAGED', message: '数据文件已损坏' },
    }))
    const store = useGridsStore()
    await store.load()
    expect(store.error).toBe('数据文件已损坏')
  })
})

const caseOf = (key: string) => {
  const c = REGISTER_CASES.find((x) => x.key === key)
  if (!c) throw new Error(`no test case for ${key}`)
  return c
}

describe('units store: deleting a unit with committee members', () => {
  it('is refused with NEEDS_CONFIRMATION and the member count, then goes with committee: unlink', async () => {
    const unit = await b.call('units:create', caseOf('units').create as Input<'units:create'>)
    for (const name of ['王芳', '赵德明'])
      await b.call('committee:create', {
        ...(caseOf('committee').create as Input<'committee:create'>),
        name,
        unit_id: unit.id,
      })
    const store = useUnitsStore()
    await store.load()
    const err = await store.remove(unit.id).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('NEEDS_CONFIRMATION')
    expect((err as ApiError).confirm).toEqual({ kind: 'unlink_committee', count: 2 })
    expect((err as ApiError).message).toContain('该单位还有 2 名兼职委员')
    expect((await b.call('units:list', {})).total).toBe(1)
    await store.remove(unit.id, { committee: 'unlink' })
    expect((await b.call('units:list', {})).total).toBe(0)
    const members = await b.call('committee:list', {})
    expect(members.rows.map((m) => m.unit_id)).toEqual([null, null])
  })
})
