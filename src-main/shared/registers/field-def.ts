// Field descriptors: one description of each register field (label, kind, choices, rules)
// that the contract's zod schemas, the forms, the list columns and later the Excel columns
// are all made from.
import { z } from 'zod'
import { parseIdCard } from '../validators/id-card'
import { normalizeDateText, splitList } from '../validators/normalize'
import { optionalPhone, optionalText, requiredPhone, requiredText } from '../schemas/common'

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'phone'
  | 'idcard'
  | 'select'
  | 'multi'
  | 'tags'
  | 'date'
  | 'month'
  | 'time'
  | 'int'
  | 'decimal'
  | 'grid'
  | 'unit'
  | 'bool'

export interface FieldDef {
  key: string
  label: string
  kind: FieldKind
  required?: boolean
  max?: number
  min?: number
  options?: readonly string[]
  /** Value a new record starts with in the form. */
  initial?: string
  /** Form section heading. */
  group?: string
  /** Width of the list column; absent means not shown in the list. */
  list?: number
  /** Offered as a filter above the list. */
  filter?: boolean
  sortable?: boolean
  placeholder?: string
  /** Full-width in the two-column form. */
  wide?: boolean
  /** A tag field whose values are also kept one row each in register_values, so responders
   * are matched by them (特长, 服务意向) through an index. */
  indexed?: boolean
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

function validDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

function choice(f: FieldDef) {
  const options = f.options ?? []
  const message = `${f.label}只能选择：${options.join('、')}`
  const base = z
    .string({ error: `请选择${f.label}` })
    .refine((v) => v === '' || options.includes(v), message)
  return f.required ? base.refine((v) => v !== '', `请选择${f.label}`) : base.default('')
}

export function fieldSchema(f: FieldDef): z.ZodType {
  switch (f.kind) {
    case 'text':
      return f.required ? requiredText(f.label, f.max ?? 100) : optionalText(f.label, f.max ?? 100)
    case 'textarea':
      return f.required
        ? requiredText(f.label, f.max ?? 2000)
        : optionalText(f.label, f.max ?? 2000)
    case 'phone':
      return f.required ? requiredPhone(f.label) : optionalPhone
    case 'idcard':
      return z
        .string()
        .default('')
        .transform((v, ctx) => {
          if (v.trim() === '') return ''
          const r = parseIdCard(v)
          if (!r.ok) {
            ctx.addIssue({ code: 'custom', message: r.message })
            return z.NEVER
          }
          return r.id
        })
    case 'select':
      return choice(f)
    case 'multi': {
      const options = f.options ?? []
      return z
        .array(
          z
            .string()
            .refine((v) => options.includes(v), `${f.label}只能选择：${options.join('、')}`),
        )
        .default([])
        .transform((a) => [...new Set(a)])
    }
    case 'tags':
      // 「急救培训，心理疏导」 typed as one tag is two, split the same way import splits a cell.
      return z
        .array(z.string())
        .default([])
        .transform((a) => [...new Set(a.flatMap(splitList))])
        .pipe(
          z
            .array(z.string().max(f.max ?? 30, `每个${f.label}不超过 ${f.max ?? 30} 个字`))
            .max(30, `${f.label}最多 30 项`),
        )
    case 'date':
    case 'month': {
      const re = f.kind === 'date' ? DATE : MONTH
      const example = f.kind === 'date' ? '2026-11-22' : '1965-03'
      const kind = f.kind
      const base = z
        .string({ error: `请填写${f.label}` })
        .transform((v) => normalizeDateText(v, kind))
        .refine(
          (v) => v === '' || (re.test(v) && validDate(kind === 'date' ? v : `${v}-01`)),
          `${f.label}格式应为 ${example}`,
        )
      return f.required ? base.refine((v) => v !== '', `请填写${f.label}`) : base.default('')
    }
    case 'time': {
      const base = z
        .string({ error: `请填写${f.label}` })
        .trim()
        .refine((v) => v === '' || TIME.test(v), `${f.label}格式应为 09:30`)
      return f.required ? base.refine((v) => v !== '', `请填写${f.label}`) : base.default('')
    }
    case 'int': {
      const n = z
        .number({ error: `${f.label}应为整数` })
        .int(`${f.label}应为整数`)
        .min(f.min ?? 0, `${f.label}不能小于 ${f.min ?? 0}`)
        .max(f.max ?? 1_000_000, `${f.label}不能大于 ${f.max ?? 1_000_000}`)
      return f.required ? n : n.nullable().default(null)
    }
    case 'decimal': {
      const n = z
        .number({ error: `${f.label}应为数字` })
        .min(f.min ?? 0, `${f.label}不能小于 ${f.min ?? 0}`)
        .max(f.max ?? 1_000_000, `${f.label}不能大于 ${f.max ?? 1_000_000}`)
      return f.required ? n : n.nullable().default(null)
    }
    case 'grid':
    case 'unit': {
      const n = z
        .number({ error: `请选择${f.label}` })
        .int()
        .positive()
      return f.required ? n : n.nullable().default(null)
    }
    case 'bool':
      return z.boolean().default(false)
  }
}

// Types derived from a field list declared `as const`, so a renamed field breaks the build.
type ValueOf<F> = F extends { kind: 'multi' | 'tags' }
  ? string[]
  : F extends { kind: 'int' | 'decimal' | 'grid' | 'unit' }
    ? F extends { required: true }
      ? number
      : number | null
    : F extends { kind: 'bool' }
      ? boolean
      : string
type Key<F> = F extends { key: infer K extends string } ? K : never
type IsRequired<F> = F extends { required: true } ? true : false

export type ValuesOf<Fs extends readonly FieldDef[]> = { [F in Fs[number] as Key<F>]: ValueOf<F> }
export type InputOf<Fs extends readonly FieldDef[]> = {
  [F in Fs[number] as IsRequired<F> extends true ? Key<F> : never]: ValueOf<F>
} & {
  [F in Fs[number] as IsRequired<F> extends true ? never : Key<F>]?: ValueOf<F> | undefined
}

export type InputSchema<Fs extends readonly FieldDef[]> = z.ZodType<ValuesOf<Fs>, InputOf<Fs>>

/**
 * The zod object for a register's input, built from its field list. This and recordSchema are
 * the one place a runtime-built schema meets its static type: zod cannot follow a shape made in
 * a loop, so the type is computed from the same `as const` list (ValuesOf/InputOf) and stated.
 */
export function inputSchema<const Fs extends readonly FieldDef[]>(fields: Fs): InputSchema<Fs> {
  const shape: Record<string, z.ZodType> = {}
  for (const f of fields) shape[f.key] = fieldSchema(f)
  return z.object(shape).strict() as unknown as InputSchema<Fs>
}

function storedSchema(f: FieldDef): z.ZodType {
  if (isArrayKind(f.kind)) return z.array(z.string())
  if (f.kind === 'bool') return z.boolean()
  if (f.kind === 'int' || f.kind === 'decimal' || f.kind === 'grid' || f.kind === 'unit')
    return z.number().nullable()
  return z.string()
}

/** A stored record: the fields plus id, timestamps and whatever the list derives (extra). */
export function recordSchema<const Fs extends readonly FieldDef[], E extends z.ZodRawShape>(
  fields: Fs,
  extra: E,
) {
  const shape: Record<string, z.ZodType> = {
    id: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
    deleted_at: z.string().nullable(),
  }
  for (const f of fields) shape[f.key] = storedSchema(f)
  return z.object({ ...shape, ...extra }) as unknown as z.ZodType<
    ValuesOf<Fs> & {
      id: number
      created_at: string
      updated_at: string
      deleted_at: string | null
    } & z.output<z.ZodObject<E>>
  >
}

/** Columns stored as JSON arrays. */
export function isArrayKind(kind: FieldKind): boolean {
  return kind === 'multi' || kind === 'tags'
}
