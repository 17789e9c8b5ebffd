// `street:import`: one community's file becomes a submission. The same file twice is said so
// and not imported again; a new submission takes its community's place in the merged pool and
// the earlier one is kept for comparing.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Output, ParsedInput } from '../../shared/contract'
import { nowStamp } from '../../shared/dates'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { reportProgress } from '../jobs/progress'
import { searchTokens } from '../search/search-tokens'
import { sortKey } from '../search/sort-key'
import { uploadedFile } from '../safety/staging'
import { readStreetSettings } from './street.repo'
import {
  currentSubmissionOf,
  ensureCommunity,
  insertStreetRow,
  insertSubmission,
  retireSubmission,
  submissionBySha,
} from './street.repo'
import { readSubmission, type StreetValues } from './street-read'

const listOf = (json: string | undefined): string[] => {
  try {
    const v: unknown = JSON.parse(json ?? '[]')
    return Array.isArray(v) ? v.map(String) : []
  } catch {
    return []
  }
}

/** Search tokens of a pooled person: as the talent register's, plus 社区 and 网格. */
export function streetTokens(v: StreetValues, community: string): string {
  return searchTokens([
    { text: v.name ?? '', asName: true },
    { text: listOf(v.skills).join(' ') },
    { text: v.employer ?? '' },
    { text: v.occupation ?? '' },
    { text: v.estate ?? '' },
    { text: v.grid ?? '' },
    { text: community },
    { text: (v.phone ?? '').replace(/\*/g, ' ') },
  ])
}

/** Writes one submission's rows (used by the import and by the district bench). */
export function writeSubmission(
  ctx: AppContext,
  s: { community: string; fileName: string; sha256: string; source: string; rows: StreetValues[] },
): { submissionId: number; replaced: number | null } {
  const stamp = nowStamp()
  const period = readStreetSettings(ctx.db)?.period ?? ''
  const c = ensureCommunity(ctx.db, s.community, stamp)
  const previous = currentSubmissionOf(ctx.db, c.id)
  const submissionId = insertSubmission(ctx.db, {
    community_id: c.id,
    period,
    file_name: s.fileName,
    sha256: s.sha256,
    source: s.source,
    row_count: s.rows.length,
    imported_at: stamp,
  })
  if (previous) retireSubmission(ctx.db, previous.id, submissionId)
  const memo = new Map<string, string>()
  for (const v of s.rows) {
    let key = memo.get(v.name ?? '')
    if (key === undefined) {
      key = sortKey(v.name ?? '', true)
      memo.set(v.name ?? '', key)
    }
    insertStreetRow(
      ctx.db,
      { ...v, submission_id: submissionId, community_id: c.id, sort_key: key },
      listOf(v.categories),
      streetTokens(v, s.community),
    )
  }
  return { submissionId, replaced: previous?.id ?? null }
}

export async function streetImport(
  input: ParsedInput<'street:import'>,
  ctx: AppContext,
): Promise<Output<'street:import'>> {
  const path = uploadedFile(ctx, input.uploadId)
  reportProgress(input.jobId, '读取文件')
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex')
  const seen = submissionBySha(ctx.db, sha256)
  if (seen)
    return {
      status: 'same-file',
      community: seen.community,
      count: seen.row_count,
      submissionId: seen.id,
      replaced: null,
      message: `这个文件已在 ${seen.imported_at} 作为${seen.community}的报送导入过（${seen.row_count} 人），没有重复导入`,
    }
  const read = await readSubmission(ctx, input.fileName, path)
  const community = input.community ?? read.community
  if (!community)
    throw new AppError(
      'VALIDATION',
      '文件里看不出是哪个社区报送的（没有「社区」列，标题里也没有社区名称）。请选择或填写报送的社区后再导入',
    )
  if (read.rows.length === 0)
    throw new AppError('VALIDATION', `${input.fileName} 里没有人员（每行至少要有姓名），没有导入`)
  reportProgress(input.jobId, '写入数据库', 0, read.rows.length)
  const done = ctx.db
    .transaction(() => {
      const r = writeSubmission(ctx, {
        community,
        fileName: input.fileName,
        sha256,
        source: read.source,
        rows: read.rows,
      })
      writeAudit(ctx.db, {
        operator: ctx.operator(),
        table: 'street_submissions',
        rowId: r.submissionId,
        action: 'create',
        after: { community, file: input.fileName, count: read.rows.length, replaced: r.replaced },
      })
      return r
    })
    .immediate()
  reportProgress(input.jobId, '完成', read.rows.length, read.rows.length)
  return {
    status: 'imported',
    community,
    count: read.rows.length,
    submissionId: done.submissionId,
    replaced: done.replaced,
    message: `已导入${community}的报送 ${read.rows.length} 人${done.replaced ? '，替换了该社区上一次的报送（旧的仍保留，可比较）' : ''}`,
  }
}
