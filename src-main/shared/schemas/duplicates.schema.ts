import { z } from 'zod'
import { RegisterName } from './exchange.schema'

// The form's duplicate check: the values being saved (loosely: the form may still be
// half-filled) and, when editing, the record itself, which is not its own duplicate.
export const DuplicateQuery = z
  .object({
    register: RegisterName,
    values: z.record(z.string(), z.unknown()),
    id: z.number().int().positive().nullable().default(null),
  })
  .strict()

export const DuplicateMatch = z.object({ id: z.number(), name: z.string(), reason: z.string() })
export type DuplicateMatch = z.output<typeof DuplicateMatch>
