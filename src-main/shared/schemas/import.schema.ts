import { z } from 'zod'
import { RegisterName } from './exchange.schema'
import { JobId } from './jobs.schema'
import { UploadId } from './safety.schema'

export const ImportFile = z.object({
  register: RegisterName,
  fileName: z.string().min(1).max(260),
  /** The file, uploaded first in pieces (safety:upload); preview and import read the same one. */
  uploadId: UploadId,
  /** Column index (as text) → field key, or '' to ignore. Absent: matched by header names. */
  mapping: z.record(z.string(), z.string()).optional(),
  /** Make grids of the 网格 names the sheet uses that do not exist yet. */
  createGrids: z.boolean().default(false),
  jobId: JobId,
})

export const ImportPreview = z.object({
  headerRow: z.number(),
  columns: z.array(z.object({ index: z.number(), header: z.string(), key: z.string() })),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  duplicates: z.number(),
  /** 网格 names in the sheet that are not grids yet (created on import when asked). */
  unknownGrids: z.array(z.string()),
  /** Sheet 网格 names matched to a grid by the name before a bracket (第一网格 → 第一网格（锦华苑）). */
  gridMatches: z.array(z.object({ sheet: z.string(), grid: z.string() })),
  /** New 网格 names one character away from an existing grid: probably a typo. */
  gridTypos: z.array(z.object({ sheet: z.string(), grid: z.string() })),
  /** Rows under the header that are not records: footer lines, the template's example … */
  ignored: z.array(z.object({ row: z.number(), reason: z.string() })),
  rows: z.array(
    z.object({
      row: z.number(),
      name: z.string(),
      action: z.enum(['create', 'duplicate', 'error']),
      issues: z.array(z.object({ column: z.string(), message: z.string() })),
    }),
  ),
})
export type ImportPreview = z.output<typeof ImportPreview>

export const ImportCommit = ImportFile.extend({
  onDuplicate: z.enum(['skip', 'update']).default('skip'),
  skipInvalid: z.boolean().default(false),
}).strict()

export const ImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  invalid: z.number(),
  backup: z.string().nullable(),
})
