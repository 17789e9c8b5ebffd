// The whole life of a record in every register, and of a row in every child list, through the
// real dispatch (contract-checked outputs) on a real SQLite file, with the audit rows each step
// writes and what the 修改记录 tab makes of them.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { REGISTER_KEYS, REGISTERS } from '../../src-main/shared/registers/registers'
import type { HistoryEntry } from '../../src-main/shared/schemas/registers.schema'
import {
  CHILD_CASES,
  childChannel,
  childLabel,
  LIFECYCLE_CHANNELS,
  recordingCaller,
  REGISTER_CASES,
  registerChannel,
  type Row,
} from '../helpers/register-cases'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const called = new Set<string>()
const api = recordingCaller(() => b, called)
type Page = { rows: Row[]; total: number }

function auditOf(table: string, id: number) {
  return b.ctx.db
    .prepare(
      `SELECT action, before_json, after_json, parent_table, parent_id FROM audit_log
       WHERE table_name = ? AND row_id = ? ORDER BY id`,
    )
    .all(table, id) as {
    action: string
    before_json: string | null
    after_json: string | null
    parent_table: string | null
    parent_id: number | null
  }[]
}

describe.each(REGISTER_CASES)('$key: the whole lifecycle', (c) => {
  const spec = REGISTERS[c.key]
  const ch = (op: Parameters<typeof registerChannel>[1]) => registerChannel(c.key, op)
  const name = c.name ?? String(c.create[spec.nameField])
  const ids = async (q: object) => (await api.call<Page>(ch('list'), q)).rows.map((r) => r.id)

  it('create → get → list and search → update → history → delete → restore → purge', async () => {
    const created = await api.call(ch('create'), c.create)
    const id = created.id
    expect(created).toMatchObject({ ...c.create, deleted_at: null })
    expect(await api.call(ch('get'), { id })).toMatchObject({ id, ...c.create })
    expect(await api.call<Page>(ch('list'), {})).toMatchObject({ total: 1, rows: [{ id }] })
    expect(await ids({ search: c.search })).toEqual([id])
    expect(await ids({ search: '无此记录' })).toEqual([])

    const updated = await api.call(ch('update'), { id, data: c.update })
    expect(updated).toMatchObject({ id, ...c.update })
    expect(await api.call(ch('get'), { id })).toMatchObject(c.update)
    let history = await api.call<HistoryEntry[]>(ch('history'), { id })
    expect(history.map((h) => [h.action, h.part, h.title])).toEqual([
      ['修改', '基本信息', name],
      ['新增', '基本信息', name],
    ])
    expect(history[0]?.changes).toEqual([c.change])
    expect(history[1]?.changes).toContainEqual(
      expect.objectContaining({ field: spec.nameField, before: '', after: name }),
    )

    expect(await api.call(ch('delete'), { id })).toEqual({ id })
    expect(await ids({})).toEqual([])
    expect(await ids({ search: c.search })).toEqual([])
    expect(await ids({ trash: true })).toEqual([id])
    // A record in the 回收站 can still be opened (to look at before restoring).
    expect((await api.call(ch('get'), { id })).deleted_at).toEqual(expect.any(String))

    expect(await api.call(ch('restore'), { id })).toMatchObject({ id, deleted_at: null })
    expect(await ids({ search: c.search })).toEqual([id])
    expect(await ids({ trash: true })).toEqual([])

    await api.call(ch('delete'), { id })
    history = await api.call<HistoryEntry[]>(ch('history'), { id })
    expect(history.map((h) => h.action)).toEqual(['删除', '恢复', '删除', '修改', '新增'])
    expect(history.slice(0, 3).map((h) => [h.title, h.changes])).toEqual([
      [name, []],
      [name, []],
      [name, []],
    ])

    const [create, update, , restore] = auditOf(spec.table, id)
    expect(JSON.parse(create?.after_json ?? '{}')).toMatchObject(c.create)
    expect(create?.before_json).toBeNull()
    // An update keeps only what changed, so the history reads "field: old → new".
    expect(Object.keys(JSON.parse(update?.after_json ?? '{}'))).toEqual([c.change.field])
    expect(JSON.parse(restore?.after_json ?? '{}')).toMatchObject(c.update)

    expect(await api.call(ch('purge'), { id })).toEqual({ id })
    expect(await ids({ trash: true })).toEqual([])
    const gone = await api.fail(ch('get'), { id })
    expect(gone.code).toBe('NOT_FOUND')
    expect(gone.message).toBe(`${spec.noun}不存在或已被删除，请刷新后重试`)
    expect((await api.fail(ch('history'), { id })).code).toBe('NOT_FOUND')
    expect(await api.fail(ch('purge'), { id })).toMatchObject({
      code: 'NOT_FOUND',
      message: `没有找到这条${spec.noun}记录，请刷新后重试`,
    })

    // … and after it none of them (issue 12): what happened, when and by whom stays.
    const audit = auditOf(spec.table, id)
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'update',
      'delete',
      'restore',
      'delete',
      'purge',
    ])
    // 彻底删除 forgets the person: every audit row keeps action, time and operator only.
    expect(audit.every((a) => a.before_json === null && a.after_json === null)).toBe(true)
    expect(audit.every((a) => a.parent_table === null)).toBe(true)
  })

  it('refuses steps that do not fit the record’s state, in Chinese', async () => {
    const { id } = await api.call(ch('create'), c.create)
    const purgeLive = await api.fail(ch('purge'), { id })
    expect(purgeLive).toMatchObject({ code: 'CONFLICT' })
    expect(purgeLive.message).toContain('请先删除到回收站')
    expect((await api.fail(ch('restore'), { id })).message).toContain('回收站里没有')
    await api.call(ch('delete'), { id })
    for (const [op, input] of [
      ['update', { id, data: c.update }],
      ['delete', { id }],
    ] as const) {
      const e = await api.fail(ch(op), input)
      expect(e.code).toBe('NOT_FOUND')
      expect(e.message).toBe(`${spec.noun}不存在或已被删除，请刷新后重试`)
    }
    expect((await api.fail(ch('get'), { id: id + 100 })).code).toBe('NOT_FOUND')
    expect(auditOf(spec.table, id).map((a) => a.action)).toEqual(['create', 'delete'])
  })
})

describe.each(CHILD_CASES)('$key: list / create / update / delete on the parent', (c) => {
  const parentCase = REGISTER_CASES.find((r) => r.key === c.parent)
  const ch = (op: Parameters<typeof childChannel>[1]) => childChannel(c.key, op)
  const label = childLabel(c.key)

  it('keeps the list, and writes each change into the parent’s history', async () => {
    const parent = await api.call(registerChannel(c.parent, 'create'), parentCase?.create)
    const parentId = parent.id
    expect(await api.call(ch('list'), { parentId })).toEqual([])

    const row = await api.call(ch('create'), { parentId, data: c.create })
    expect(row).toMatchObject({ ...c.create, parent_id: parentId, deleted_at: null })
    expect(await api.call<Row[]>(ch('list'), { parentId })).toMatchObject([{ id: row.id }])

    const updated = await api.call(ch('update'), { id: row.id, data: c.update })
    expect(updated).toMatchObject({ id: row.id, ...c.update })
    expect(await api.call<Row[]>(ch('list'), { parentId })).toMatchObject([c.update])

    expect(await api.call(ch('delete'), { id: row.id })).toEqual({ id: row.id })
    expect(await api.call(ch('list'), { parentId })).toEqual([])

    const history = await api.call<HistoryEntry[]>(registerChannel(c.parent, 'history'), {
      id: parentId,
    })
    expect(history.map((h) => [h.action, h.part])).toEqual([
      ['删除', label],
      ['修改', label],
      ['新增', label],
      ['新增', '基本信息'],
    ])
    expect(history[1]?.changes).toEqual([c.change])
    const spec = REGISTERS[c.parent].children.find((x) => x.key === c.key)
    const title = String(c.create[spec?.titleField ?? ''])
    expect(history.slice(0, 3).map((h) => h.title)).toEqual([title, title, title])

    const audit = auditOf(spec?.table ?? '', row.id)
    expect(audit.map((a) => [a.action, a.parent_table, a.parent_id])).toEqual([
      ['create', REGISTERS[c.parent].table, parentId],
      ['update', REGISTERS[c.parent].table, parentId],
      ['delete', REGISTERS[c.parent].table, parentId],
    ])
  })

  it('says clearly when the row or its parent is gone', async () => {
    const parent = await api.call(registerChannel(c.parent, 'create'), parentCase?.create)
    const row = await api.call(ch('create'), { parentId: parent.id, data: c.create })
    await api.call(ch('delete'), { id: row.id })
    const again = await api.fail(ch('update'), { id: row.id, data: c.update })
    expect(again).toMatchObject({ code: 'NOT_FOUND' })
    expect(again.message).toBe(`这条${label}不存在或已被删除，请刷新后重试`)
    expect((await api.fail(ch('delete'), { id: row.id })).code).toBe('NOT_FOUND')

    await api.call(registerChannel(c.parent, 'delete'), { id: parent.id })
    const noun = REGISTERS[c.parent].noun
    for (const [op, input] of [
      ['create', { parentId: parent.id, data: c.create }],
      ['list', { parentId: parent.id }],
    ] as const) {
      const e = await api.fail(ch(op), input)
      expect(e.code).toBe('NOT_FOUND')
      expect(e.message).toBe(`${noun}不存在或已被删除，请刷新后重试`)
    }
  })
})

it('has a case for every register and every child list', () => {
  expect(REGISTER_CASES.map((c) => c.key)).toEqual(REGISTER_KEYS)
  const children = REGISTER_KEYS.flatMap((k) => REGISTERS[k].children.map((c) => c.key))
  expect(CHILD_CASES.map((c) => c.key).sort()).toEqual([...children].sort())
})

// The coverage check trusts LIFECYCLE_CHANNELS, so prove this file called every one. The calls
// are counted once every test of the file has run (afterAll), so the order of tests (shuffled)
// does not matter; the check is made whenever this test ran.
let coverageAsked = false
it('called every channel it lists for the channel-coverage check', () => {
  expect(LIFECYCLE_CHANNELS).toHaveLength(7 * 8 + 9 * 4)
  coverageAsked = true
})
afterAll(() => {
  if (coverageAsked) expect(LIFECYCLE_CHANNELS.filter((name) => !called.has(name))).toEqual([])
})
