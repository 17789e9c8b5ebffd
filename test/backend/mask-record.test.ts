// One masking rule for every register, the same in the CLI list, the printed roster data and
// the Excel export: each register's personal fields, and only they, come out masked.
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { rowData } from '../../src-main/backend/documents/register-data'
import { maskRecord } from '../../src-main/shared/registers/mask-record'
import { REGISTERS, type AnyRegisterKey } from '../../src-main/shared/registers/registers'
import { runCaptured } from '../helpers/cli-run'
import { REGISTER_CASES } from '../helpers/register-cases'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend | undefined
afterEach(() => b?.dispose())

// Per register: the personal values stored and what the masked outputs must show, written out
// as they were shown before the rule moved into one place.
const PERSONAL: Record<AnyRegisterKey, Record<string, [string, string]>> = {
  talents: {
    phone: ['0871-65123456', '0871-****3456'],
    id_card: ['11010519491231002X', '110105********002X'],
  },
  units: { liaison_phone: ['13800002222', '138****2222'] },
  committee: { phone: ['13800003333', '138****3333'] },
  households: { phone: ['13800004444', '138****4444'] },
  meetings: { contact_phone: ['13912345678', '139****5678'] },
  reported_members: { phone: ['13800005555', '138****5555'] },
  matters: { phone: ['13712345678', '137****5678'] },
}

async function sheetRow(key: Exclude<AnyRegisterKey, 'meetings' | 'matters'>, masked: boolean) {
  const { columns } = await (b as TestBackend).call('exchange:columns', { register: key })
  const file = await (b as TestBackend).call('exchange:export', {
    register: key,
    columns: columns.map((c) => c.key),
    masked,
  })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  const header = (ws?.getRow(3).values as unknown[]).map(String)
  const cells = (ws?.getRow(4).values as unknown[]).map((v) => (v == null ? '' : String(v)))
  const labels = Object.fromEntries(REGISTERS[key].fields.map((f) => [f.key, f.label]))
  return (fieldKey: string) => cells[header.indexOf(labels[fieldKey] ?? '?')]
}

describe('maskRecord', () => {
  for (const c of REGISTER_CASES) {
    it(`masks exactly the personal fields of ${c.key} in the CLI list, roster data and Excel`, async () => {
      b = testBackend()
      const personal = PERSONAL[c.key]
      const stored = Object.fromEntries(Object.entries(personal).map(([k, [v]]) => [k, v]))
      const created = (await b.call(`${c.key}:create`, { ...c.create, ...stored } as never)) as {
        id: number
      }
      const row = (await b.call(`${c.key}:get`, { id: created.id })) as Record<string, unknown>

      // The shared rule: personal fields masked, every other value untouched.
      const masked = maskRecord(REGISTERS[c.key].fields, row)
      for (const [k, [, shown]] of Object.entries(personal)) expect(masked[k]).toBe(shown)
      const others = (r: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(r).filter(([k]) => !(k in personal)))
      expect(others(masked)).toEqual(others(row))
      expect(maskRecord(REGISTERS[c.key].fields, row)).not.toBe(row)

      b.close()
      const listed = await runCaptured(['list', c.key, '--json', '--data-dir', b.dataDir])
      expect(listed.code).toBe(0)
      const cliRow = (JSON.parse(listed.out) as { rows: Record<string, unknown>[] }).rows[0]
      for (const [k, [stored, shown]] of Object.entries(personal)) {
        expect(cliRow?.[k]).toBe(shown)
        expect(listed.out).not.toContain(stored)
      }
      b = testBackend(b.dataDir)

      // 民情事项 has its own export (matters:export, tested in matters-export.test.ts).
      if (c.key === 'meetings' || c.key === 'matters') return
      await b.call('settings:save', {
        community_name: '锦华社区',
        street_name: '青云街道',
        party_org_name: '中共锦华社区委员会',
      })
      const doc = rowData(c.key, row, true)
      const plainDoc = rowData(c.key, row, false)
      const sheet = await sheetRow(c.key, true)
      const plainSheet = await sheetRow(c.key, false)
      for (const [k, [stored, shown]] of Object.entries(personal)) {
        expect(doc[k]).toBe(shown)
        expect(plainDoc[k]).toBe(stored)
        expect(sheet(k)).toBe(shown)
        expect(plainSheet(k)).toBe(stored)
      }
    })
  }
})
