// Normalising what people type with a Chinese input method (full-width digits, dashes, spaces)
// before phones, ID numbers and dates are checked: examples and fast-check properties.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fieldSchema } from '../../src-main/shared/registers/field-def'
import { UNIT_FIELDS } from '../../src-main/shared/registers/units.fields'
import { optionalPhone, requiredPhone } from '../../src-main/shared/schemas/common'
import { TalentInput } from '../../src-main/shared/schemas/registers.schema'
import { checkDigit, parseIdCard } from '../../src-main/shared/validators/id-card'
import {
  normalizeIdCard,
  normalizePhone,
  normalizeSearchText,
  parseDateText,
  splitList,
} from '../../src-main/shared/validators/normalize'
import { isPhone } from '../../src-main/shared/validators/phone'

const wide = (s: string) =>
  s.replace(/[0-9A-Za-z.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
const mobile = fc.stringMatching(/^1[3-9]\d{9}$/)
const landline = fc.stringMatching(/^0\d{2,3}-[1-9]\d{6,7}$/)

describe('phone normalisation', () => {
  it('full-width, dashed and spaced mobiles all become the 11 digits', () => {
    for (const typed of [
      '１３８８８８８９９９９',
      '138-8888-9999',
      '138 8888 9999',
      '１３８－８８８８－９９９９',
      '138\u30008888\u30009999',
      '138—8888—9999',
      '+86 138 8888 9999',
      '86-13888889999',
    ])
      expect(normalizePhone(typed), typed).toBe('13888889999')
  })

  it('landlines keep working, with one dash after the area code', () => {
    expect(normalizePhone('0871-12345678')).toBe('0871-12345678')
    expect(normalizePhone('0871 12345678')).toBe('0871-12345678')
    expect(normalizePhone('（0871）12345678')).toBe('0871-12345678')
    expect(normalizePhone('０８７１－１２３４５６７８')).toBe('0871-12345678')
    expect(normalizePhone('087112345678')).toBe('087112345678')
    expect(isPhone(normalizePhone('０８７１ １２３４５６７８'))).toBe(true)
  })

  it('the form schemas accept what they normalise and still refuse wrong numbers', () => {
    expect(requiredPhone().parse('138-8888-9999')).toBe('13888889999')
    expect(optionalPhone.parse('１３８ ８８８８ ９９９９')).toBe('13888889999')
    expect(optionalPhone.safeParse('138-8888-999').success).toBe(false)
    expect(optionalPhone.safeParse('12888889999').success).toBe(false)
    expect(requiredPhone().safeParse('电话 138').success).toBe(false)
  })

  it('an empty required phone is named by its own label (联络员电话, not 联系电话)', () => {
    const liaison = UNIT_FIELDS.find((f) => f.key === 'liaison_phone')
    if (!liaison) throw new Error('units have no liaison_phone field')
    const r = fieldSchema(liaison).safeParse('')
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe('请填写联络员电话')
  })

  it('property: any mobile, however it is written, normalises to itself and validates', () => {
    const sep = fc.constantFrom('', ' ', '-', '－', '\u3000', ' - ')
    fc.assert(
      fc.property(mobile, sep, sep, fc.boolean(), (m, a, b, fullWidth) => {
        let typed = `${m.slice(0, 3)}${a}${m.slice(3, 7)}${b}${m.slice(7)}`
        if (fullWidth) typed = wide(typed)
        expect(normalizePhone(typed)).toBe(m)
        expect(optionalPhone.parse(typed)).toBe(m)
      }),
      { numRuns: 1000 },
    )
  })

  it('property: landlines are kept as written, and accepted, in full width too', () => {
    fc.assert(
      fc.property(landline, fc.boolean(), (p, fullWidth) => {
        const typed = fullWidth ? wide(p) : p
        expect(normalizePhone(typed)).toBe(p)
        expect(requiredPhone().parse(typed)).toBe(p)
      }),
      { numRuns: 500 },
    )
  })

  it('property: normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const once = normalizePhone(s)
        expect(normalizePhone(once)).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('ID number and date normalisation', () => {
  const today = new Date('2026-11-23T00:00:00Z')
  const validId = fc
    .tuple(
      fc.stringMatching(/^[1-6]\d{5}$/),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-22'), noInvalidDate: true }),
      fc.stringMatching(/^\d{3}$/),
    )
    .map(([area, d, seq]) => {
      const body = area + d.toISOString().slice(0, 10).replace(/-/g, '') + seq
      return body + checkDigit(body)
    })

  it('property: full-width digits, ｘ/x and spaces still give the canonical number', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const typed = ` ${wide(id).replace('Ｘ', 'ｘ').slice(0, 6)} ${wide(id).slice(6)} `
        expect(normalizeIdCard(typed)).toBe(id)
        expect(parseIdCard(typed, today)).toMatchObject({ ok: true, id })
      }),
      { numRuns: 500 },
    )
    expect(normalizeIdCard('11010519491231002ｘ')).toBe('11010519491231002X')
  })

  it('dates written every common way become ISO, and the form schema stores them so', () => {
    expect(parseDateText('２０２６．１１', 'month')).toBe('2026-11')
    expect(parseDateText('2026年11月', 'month')).toBe('2026-11')
    expect(parseDateText('２０２６年１１月２２日', 'date')).toBe('2026-11-22')
    expect(parseDateText('2026/11/22', 'date')).toBe('2026-11-22')
    expect(parseDateText('2026.11', 'date')).toBeNull()
    expect(parseDateText('2026.13', 'month')).toBeNull()
    const month = fieldSchema({ key: 'm', label: '出生年月', kind: 'month' })
    expect(month.parse('１９６５．０３')).toBe('1965-03')
    expect(month.safeParse('1965.13').success).toBe(false)
    const date = fieldSchema({ key: 'd', label: '入库日期', kind: 'date' })
    expect(date.parse('２０２６．１１．２２')).toBe('2026-11-22')
    expect(date.parse('')).toBe('')
  })

  it('property: any real month written with full-width digits and ．is read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const iso = `${y}-${String(m).padStart(2, '0')}`
        expect(parseDateText(wide(`${y}.${m}`), 'month')).toBe(iso)
        expect(parseDateText(`${y}年${m}月`, 'month')).toBe(iso)
      }),
    )
  })
})

describe('lists and search text', () => {
  it('tags typed with Chinese punctuation are split, once, by the schema forms and import use', () => {
    expect(splitList('急救培训，心理疏导')).toEqual(['急救培训', '心理疏导'])
    expect(splitList('法律;调解、理发,  家电维修')).toEqual(['法律', '调解', '理发', '家电维修'])
    const r = TalentInput.safeParse({
      name: '李志红',
      phone: '１３８-8888-9999',
      status: '在册',
      skills: ['急救培训，心理疏导', '急救培训'],
    })
    expect(r.success).toBe(true)
    if (r.success) {
      expect(r.data.skills).toEqual(['急救培训', '心理疏导'])
      expect(r.data.phone).toBe('13888889999')
    }
  })

  it('a search for a phone written in groups looks for the digits as stored', () => {
    expect(normalizeSearchText('138-8888')).toBe('1388888')
    expect(normalizeSearchText('１３８ ８８８８ ９９９９')).toBe('13888889999')
    expect(normalizeSearchText('李 志红')).toBe('李 志红')
  })
})
