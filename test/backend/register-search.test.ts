// The search box of every register (DESIGN.md): 1-, 2- and 3-character Chinese queries, full
// pinyin, initials, the last digits of a phone, and the surname 单 read as shan — on the
// registers' own token index, through the real dispatch.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AnyRegisterKey } from '../../src-main/shared/registers/registers'
import { recordingCaller, registerChannel, type Row } from '../helpers/register-cases'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
const api = recordingCaller(() => b, new Set())

const LI_ZHIHONG = { name: '李志红', phone: '13812345678', other: '红明灯' }
const PEOPLE = [
  // 红明 (in the skills) and 志红 are both in this record, 志红明 is not.
  LI_ZHIHONG,
  { name: '单丽', phone: '13900001111', other: '' },
  { name: '李明', phone: '13700002222', other: '' },
  { name: '王芳', phone: '13600003333', other: '' },
]

// The three registers of people: where the name, the phone and a free-text field go.
const REGISTERS_OF_PEOPLE: {
  key: AnyRegisterKey
  record: (p: (typeof PEOPLE)[number]) => Record<string, unknown>
}[] = [
  {
    key: 'talents',
    record: (p) => ({ name: p.name, phone: p.phone, status: '在册', skills: [p.other] }),
  },
  {
    key: 'committee',
    record: (p) => ({
      name: p.name,
      phone: p.phone,
      duty_domain: p.other,
      level: '社区大党委',
      term_start: '2025-01-01',
      term_end: '2027-12-31',
      status: '在任',
    }),
  },
  {
    key: 'households',
    record: (p) => ({
      head_name: p.name,
      phone: p.phone,
      branch: p.other,
      building: '3栋',
      status: '正常',
    }),
  },
]

const QUERIES: [query: string, names: string[]][] = [
  // One character: any record with it.
  ['李', ['李志红', '李明']],
  ['丽', ['单丽']],
  ['单', ['单丽']],
  // Two characters: a bigram of the name (the FTS5 trigram tokenizer would find nothing).
  ['志红', ['李志红']],
  ['李明', ['李明']],
  ['红李', []],
  // Three characters: a real substring, not just two of its bigrams somewhere in the record.
  ['李志红', ['李志红']],
  ['李志明', []],
  ['志红明', []],
  ['红明灯', ['李志红']],
  // Full pinyin, a later syllable run, initials.
  ['lizhihong', ['李志红']],
  ['zhihong', ['李志红']],
  ['lzh', ['李志红']],
  ['LZH', ['李志红']],
  ['lm', ['李明']],
  ['wangfang', ['王芳']],
  ['wf', ['王芳']],
  // 单 as a surname is shan, never dan.
  ['shanli', ['单丽']],
  ['sl', ['单丽']],
  ['danli', []],
  // Phone: the last 4 digits, or the whole number.
  ['5678', ['李志红']],
  ['1111', ['单丽']],
  ['13600003333', ['王芳']],
  ['9999', []],
]

describe.each(REGISTERS_OF_PEOPLE)('$key search', (reg) => {
  const nameField = reg.key === 'households' ? 'head_name' : 'name'
  const found = async (search: string) => {
    const page = await api.call<{ rows: Row[] }>(registerChannel(reg.key, 'list'), { search })
    return page.rows.map((r) => String(r[nameField])).sort()
  }

  describe('over four people', () => {
    // One backend for the read-only queries: the suite stays fast.
    beforeAll(async () => {
      b = testBackend()
      for (const p of PEOPLE) await api.call(registerChannel(reg.key, 'create'), reg.record(p))
    })
    afterAll(() => b.dispose())

    it.each(QUERIES)('「%s」 finds %j', async (query, names) => {
      expect(await found(query)).toEqual([...names].sort())
    })
  })

  describe('fresh', () => {
    beforeEach(() => {
      b = testBackend()
    })
    afterEach(() => b.dispose())

    it('follows a rename and forgets a deleted record', async () => {
      const created = await api.call(registerChannel(reg.key, 'create'), reg.record(LI_ZHIHONG))
      const renamed = { ...LI_ZHIHONG, name: '单志红' }
      await api.call(registerChannel(reg.key, 'update'), {
        id: created.id,
        data: reg.record(renamed),
      })
      expect(await found('lizhihong')).toEqual([])
      expect(await found('shanzhihong')).toEqual(['单志红'])
      expect(await found('szh')).toEqual(['单志红'])
      await api.call(registerChannel(reg.key, 'delete'), { id: created.id })
      expect(await found('单志红')).toEqual([])
    })
  })
})

describe('units and meetings search', () => {
  beforeEach(() => {
    b = testBackend()
  })
  afterEach(() => b.dispose())

  it('finds a unit by 1-3 characters, pinyin and initials of its name', async () => {
    for (const name of ['市第一人民医院', '锦华物业服务公司', '锦华小学']) {
      await b.call('units:create', {
        name,
        liaison: '王敏',
        liaison_phone: '13800002222',
        status: '共建中',
      })
    }
    const found = async (search: string) =>
      (await b.call('units:list', { search })).rows.map((u) => u.name).sort()
    expect(await found('院')).toEqual(['市第一人民医院'])
    expect(await found('锦华')).toEqual(['锦华小学', '锦华物业服务公司'])
    expect(await found('华物业')).toEqual(['锦华物业服务公司'])
    expect(await found('jinhua')).toEqual(['锦华小学', '锦华物业服务公司'])
    expect(await found('jhwy')).toEqual(['锦华物业服务公司'])
    expect(await found('renmin')).toEqual(['市第一人民医院'])
    expect(await found('王敏')).toEqual(['市第一人民医院', '锦华小学', '锦华物业服务公司'])
  })

  it('finds a meeting by a 2-character word of its title and by initials', async () => {
    const meeting = (title: string) => ({
      meeting_type: '党建联席会议',
      title,
      meeting_date: '2026-03-10',
      location: '社区党群服务中心',
    })
    await b.call('meetings:create', meeting('第一次党建联席会议'))
    await b.call('meetings:create', meeting('加装电梯议事会'))
    const found = async (search: string) =>
      (await b.call('meetings:list', { search })).rows.map((m) => m.title)
    expect(await found('电梯')).toEqual(['加装电梯议事会'])
    expect(await found('jzdt')).toEqual(['加装电梯议事会'])
    expect(await found('梯')).toEqual(['加装电梯议事会'])
    expect(await found('联席会')).toEqual(['第一次党建联席会议'])
  })
})
