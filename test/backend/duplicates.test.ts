// The form's duplicate check on a real database: the same person by 身份证号 or 姓名 + 电话 (as
// typed, normalised the way it is stored), never the record being edited, never a deleted one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const talent = (name: string, phone: string, id_card = '') =>
  b.call('talents:create', { name, phone, id_card, status: '在册' })

describe('registers:duplicates', () => {
  it('finds a talent with the same 姓名 and phone, however the phone is written', async () => {
    const on = await talent('王建华', '13812345678')
    await talent('王建华', '13900000000')
    const found = await b.call('registers:duplicates', {
      register: 'talents',
      values: { name: '王建华', phone: '138 1234 5678' },
    })
    expect(found).toEqual([{ id: on.id, name: '王建华', reason: '姓名和联系电话相同' }])
  })

  it('finds the same 身份证号 under another name, and names both reasons once', async () => {
    const on = await talent('李志红', '13712345678', '11010519491231002X')
    const byId = await b.call('registers:duplicates', {
      register: 'talents',
      values: { name: '李芝红', phone: '13000000000', id_card: '11010519491231002X' },
    })
    expect(byId).toEqual([{ id: on.id, name: '李志红', reason: '身份证号相同' }])
    const both = await b.call('registers:duplicates', {
      register: 'talents',
      values: { name: '李志红', phone: '13712345678', id_card: '11010519491231002X' },
    })
    expect(both).toEqual([
      { id: on.id, name: '李志红', reason: '身份证号相同，姓名和联系电话相同' },
    ])
  })

  it('does not count the record being edited, a deleted one, or a half-filled form', async () => {
    const on = await talent('赵晓梅', '13987654321')
    const query = { register: 'talents' as const, values: { name: '赵晓梅', phone: '13987654321' } }
    expect(await b.call('registers:duplicates', { ...query, id: on.id })).toEqual([])
    expect(await b.call('registers:duplicates', { ...query, values: { name: '赵晓梅' } })).toEqual(
      [],
    )
    await b.call('talents:delete', { id: on.id })
    expect(await b.call('registers:duplicates', query)).toEqual([])
  })

  it('checks 兼职委员 and 党员中心户 by name and phone too', async () => {
    const member = await b.call('committee:create', {
      name: '刘建国',
      phone: '13600000001',
      level: '社区大党委',
      term_start: '2024-01-01',
      term_end: '2027-01-01',
      status: '在任',
    })
    expect(
      await b.call('registers:duplicates', {
        register: 'committee',
        values: { name: '刘建国', phone: '13600000001' },
      }),
    ).toEqual([{ id: member.id, name: '刘建国', reason: '姓名和联系电话相同' }])
    expect(
      await b.call('registers:duplicates', {
        register: 'households',
        values: { head_name: '刘建国', phone: '13600000001' },
      }),
    ).toEqual([])
  })
})
