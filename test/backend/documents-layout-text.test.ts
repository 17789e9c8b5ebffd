// Print layout computed by the data layer: titles broken where the meaning allows, the 落款
// placed to the character, roster columns sized so codes never wrap.
import { describe, expect, it } from 'vitest'
import { breakTitle, signatureLines, textWidth } from '../../src-main/backend/documents/layout-text'
import { fitRosterColumns, fitWidths } from '../../src-main/backend/documents/roster-fit'

describe('breakTitle', () => {
  it('keeps a short title on one line', () => {
    expect(breakTitle('锦华社区2026年第四季度党建联建工作报告', 19)).not.toContain('\n')
  })

  it('never breaks inside 2026年第7次 or inside a word like 议定事项', () => {
    const t = breakTitle(
      '锦华社区2026年第7次党建联席会议暨老旧小区加装电梯、背街小巷环境整治和“家门口”便民服务专题协调推进会议定事项任务分解表',
      33,
    )
    const lines = t.split('\n')
    expect(lines.length).toBe(2)
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(33)
    expect(t).not.toMatch(/议定事\n|年\n第|第\n7|7\n次/)
    const n = breakTitle('关于召开锦华社区2026年第3次党建联席会议的通知', 19)
    expect(n).toBe('关于召开锦华社区2026年第3次\n党建联席会议的通知')
  })

  it('no line starts with a closing mark or ends with an opening one', () => {
    const t = breakTitle('关于召开锦华社区“家门口”便民服务（第二期）专题协调推进会的通知', 12)
    for (const l of t.split('\n')) {
      expect(l).not.toMatch(/^[、，。”）]/)
      expect(l).not.toMatch(/[“（]$/)
    }
  })
})

describe('signatureLines (GB/T 9704 §7.3.5.2, 28 characters a line)', () => {
  const lead = (s: string) => textWidth(s.match(/^[\u3000\u2002]*/)?.[0] ?? '')
  it('署名 two characters from the right, the date two characters right of its start', () => {
    const { sign_org, sign_date } = signatureLines('中共锦华社区委员会', '2026年12月1日')
    expect(lead(sign_org) + 9).toBe(26)
    expect(lead(sign_date)).toBe(lead(sign_org) + 2)
  })

  it('a date longer than the 署名 keeps two characters from the right; the 署名 moves right', () => {
    const { sign_org, sign_date } = signatureLines('某某党委', '2026年12月31日')
    expect(lead(sign_date) + textWidth('2026年12月31日')).toBe(26)
    expect(lead(sign_org)).toBe(lead(sign_date) - 2)
  })
})

describe('fitWidths', () => {
  it('codes keep their width; wrapping columns share the rest with the fewest lines', () => {
    const w = fitWidths(
      [
        { floor: 5.5, typical: 5.5, code: true, marks: false },
        { floor: 2, typical: 20, code: false, marks: true },
        { floor: 2, typical: 4, code: false, marks: false },
      ],
      20,
    )
    expect(w[0]).toBe(5.5)
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(20)
    // 20 characters of 专业特长 in two lines need 11 (one spare for 「（」 at a line end).
    expect(w[1]).toBeGreaterThanOrEqual(11)
  })
})

describe('fitRosterColumns', () => {
  it('leaves a file that is not a Word document to the template check', () => {
    const junk = Buffer.from('not a zip')
    expect(fitRosterColumns(junk, [])).toBe(junk)
  })
})
