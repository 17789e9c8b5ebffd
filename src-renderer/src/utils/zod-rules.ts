// Element Plus form rules made from the contract's zod schemas, so the form and the backend
// apply the same rules with the same Chinese messages.
import type { FormItemRule } from 'element-plus'
import type { z } from 'zod'

/**
 * The one Element Plus rule made from a zod schema: every form (register fields, 网格, 社区信息)
 * checks a value the way the backend will, with its message. `blank` stands for an unset value.
 */
export function zodRule(schema: z.ZodType, required: boolean, blank: unknown = ''): FormItemRule {
  return {
    required,
    trigger: ['blur', 'change'],
    validator: (_rule, value: unknown, callback: (e?: Error) => void) => {
      const r = schema.safeParse(value ?? blank)
      if (r.success) callback()
      else callback(new Error(r.error.issues[0]?.message ?? '输入有误'))
    },
  }
}

export function rulesFrom<S extends z.ZodObject>(
  schema: S,
  required: readonly (keyof S['shape'])[] = [],
) {
  const rules: Record<string, FormItemRule[]> = {}
  for (const [field, fieldSchema] of Object.entries(schema.shape) as [string, z.ZodType][])
    rules[field] = [zodRule(fieldSchema, required.includes(field))]
  return rules
}

/** Field messages from a backend VALIDATION/CONFLICT error, keyed by the first path part. */
export function fieldErrors(
  details: readonly { field: string; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const d of details) {
    const key = d.field.split('.').pop() ?? d.field
    out[key] ??= d.message
  }
  return out
}
