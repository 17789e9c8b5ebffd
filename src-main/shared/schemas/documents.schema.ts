// Contract schemas of the documents feature (documents:*).
import { z } from 'zod'
import { base64Length, MAX_TEMPLATE_BYTES, megabytes } from '../limits'
import { DOC_KINDS } from '../documents/doc-kinds'
import { Id } from './common'

export const DocKindName = z.enum(DOC_KINDS, { error: '文档类型不正确' })

export const Problem = z.object({
  tag: z.string(),
  message: z.string(),
  /** A likely mistake that does not stop the template from working. */
  warning: z.boolean().optional(),
})

export const TemplateInfo = z.object({
  kind: DocKindName,
  id: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  isDefault: z.boolean(),
  size: z.number(),
  updatedAt: z.string(),
  problems: z.array(Problem),
})

export const TemplateRef = z.object({ kind: DocKindName, id: z.string().min(1).max(200) }).strict()

/** A .docx chosen by the user, as base64 (the caps keep a zip bomb from even arriving). */
const TemplateFile = {
  fileName: z.string().min(1).max(260),
  base64: z
    .string()
    .min(1, '文件是空的')
    .max(base64Length(MAX_TEMPLATE_BYTES), `文件太大，模板最大 ${megabytes(MAX_TEMPLATE_BYTES)}`),
}

export const TemplateImport = z.object({ kind: DocKindName, ...TemplateFile }).strict()

export const TemplateImportResult = z.object({
  template: TemplateInfo.nullable(),
  problems: z.array(Problem),
})

export const GenerateInput = z
  .object({
    kind: DocKindName,
    meetingId: Id.optional(),
    talentId: Id.optional(),
    register: z
      .object({
        search: z.string().max(50).default(''),
        filters: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
      })
      .strict()
      .optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    quarter: z.number().int().min(1).max(4).nullable().optional(),
    /** A template id of this kind ('builtin' or a user template); absent: the default. */
    template: z.string().max(200).optional(),
    masked: z.boolean().default(true),
    /** 发文字号 of the 版头 (通知, 工作报告), e.g. 锦华党〔2026〕3号; empty: none printed. */
    docNumber: z
      .string()
      .trim()
      .max(40, '发文字号不能超过40个字')
      .default('')
      .transform((v) => v.replace(/[[［(（]\s*(\d{4})\s*[\]］)）]/, '〔$1〕')),
    /** Output folder (absolute); absent: 文档 in the data folder. */
    folder: z.string().max(1000).optional(),
    /** The file name in that folder (the CLI's --out); absent: the dated name. */
    fileName: z
      .string()
      .min(1)
      .max(255)
      .refine((v) => !/[\\/]/.test(v), '文件名不能包含 / 或 \\')
      .optional(),
    /** A template file used once, not stored (the CLI's --template); absent: `template`. */
    templateFile: z.object(TemplateFile).strict().optional(),
  })
  .strict()

export const Generated = z.object({
  id: z.number(),
  kind: DocKindName,
  kindLabel: z.string(),
  subject: z.string(),
  fileName: z.string(),
  path: z.string(),
  folder: z.string(),
  masked: z.boolean(),
  createdAt: z.string(),
  exists: z.boolean(),
  /** Not written by this installation (restored or imported): listed, never opened. */
  foreign: z.boolean(),
})

export const OpenInput = z
  .object({ id: Id, target: z.enum(['file', 'folder']).default('file') })
  .strict()

export const DocumentsInfo = z.object({
  defaultFolder: z.string(),
  recentFolders: z.array(z.string()),
  pdfAvailable: z.boolean(),
  templatesFolder: z.string(),
})

export const MeetingOption = z.object({
  id: z.number(),
  title: z.string(),
  meeting_date: z.string(),
  meeting_type: z.string(),
  seq_no: z.number().nullable(),
})

export const documentsContract = {
  'documents:info': { input: z.object({}).strict(), output: DocumentsInfo },
  'documents:templates': {
    input: z.object({ kind: DocKindName.optional() }).strict(),
    output: z.array(TemplateInfo),
  },
  'documents:template-import': { input: TemplateImport, output: TemplateImportResult },
  'documents:template-default': { input: TemplateRef, output: TemplateRef },
  'documents:template-delete': { input: TemplateRef, output: TemplateRef },
  'documents:template-copy': {
    input: z.object({ kind: DocKindName }).strict(),
    output: TemplateInfo,
  },
  'documents:template-download': {
    input: TemplateRef,
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  'documents:template-open': { input: TemplateRef, output: z.object({ path: z.string() }) },
  'documents:meetings': { input: z.object({}).strict(), output: z.array(MeetingOption) },
  'documents:generate': { input: GenerateInput, output: Generated },
  'documents:generated': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(Generated),
  },
  'documents:open': { input: OpenInput, output: z.object({ path: z.string() }) },
  'documents:pdf': { input: z.object({ id: Id }).strict(), output: Generated },
} as const
