// Filling a street office's own Excel form (最多报一次): inspect the uploaded form, fill a copy,
// and keep the column mapping per form (by its header signature).
import { z } from 'zod'
import { FileOut, RegisterName } from './exchange.schema'
import { UploadId } from './safety.schema'

const Signature = z.string().regex(/^[0-9a-f]{16,64}$/, '表格标识格式不对')
/** Column letter (A, B, … AA) → field key, calc:… (computed) or 'blank' (留空). */
const Mapping = z.record(z.string().regex(/^[A-Z]{1,3}$/), z.string().max(40))

const FormFile = z.object({
  register: RegisterName,
  fileName: z.string().min(1).max(260),
  uploadId: UploadId,
  search: z.string().max(50).default(''),
  filters: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** Phones and ID numbers masked (the default); unmasked filling is audited. */
  masked: z.boolean().default(true),
})

export const FormInspectInput = FormFile.extend({
  /** Shown instead of the proposal (the user is correcting it). */
  mapping: Mapping.optional(),
}).strict()

export const FormColumnOut = z.object({
  letter: z.string(),
  label: z.string(),
  hidden: z.boolean(),
  target: z.string(),
  confidence: z.enum(['exact', 'synonym', 'computed', 'saved', 'formula', 'none']),
})

export const FormInspect = z.object({
  sheetName: z.string(),
  headerRows: z.object({ top: z.number(), bottom: z.number() }),
  firstDataRow: z.number(),
  /** Styled rows the form leaves for data (more are added in the same style when needed). */
  styledRows: z.number(),
  notesRow: z.number().nullable(),
  /** 填报日期 / 截止日期 found in the form (年龄 is counted at it), YYYY-MM-DD. */
  formDate: z.string().nullable(),
  signature: Signature,
  /** A mapping was saved for this form before (it is what `columns` shows). */
  saved: z.boolean(),
  columns: z.array(FormColumnOut),
  choices: z.array(z.object({ value: z.string(), label: z.string(), group: z.string() })),
  /** Up to five rows as they will be written (masked as asked), one text per column. */
  samples: z.array(z.array(z.string())),
  /** Records that will be filled (current search and filters). */
  count: z.number(),
})

export const FormFillInput = FormFile.extend({
  mapping: Mapping.optional(),
  /** Save `mapping` for this form, so next time it is used without asking. */
  remember: z.boolean().default(true),
}).strict()

export const MappingSave = z
  .object({
    register: RegisterName,
    signature: Signature,
    labels: z.array(z.string()).max(200),
    mapping: Mapping,
  })
  .strict()
export const MappingForget = z.object({ register: RegisterName, signature: Signature }).strict()

export const formsContract = {
  'forms:inspect': { input: FormInspectInput, output: FormInspect },
  'forms:fill': { input: FormFillInput, output: FileOut },
  'forms:mapping-save': { input: MappingSave, output: z.object({ signature: z.string() }) },
  'forms:mapping-forget': { input: MappingForget, output: z.object({ forgotten: z.boolean() }) },
}
