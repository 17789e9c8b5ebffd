// The 数据与备份 channels, spread into the contract table (kept here so the table stays short).
import { z } from 'zod'
import { Empty } from './common'
import { JobId } from './jobs.schema'
import {
  BackupEntry,
  BackupFolder,
  BackupId,
  DownloadChunk,
  DownloadInput,
  Health,
  InspectResult,
  PackageExported,
  PackageImported,
  PackageImportInput,
  PackagePreview,
  RestoreInput,
  RestoreResult,
  Retention,
  RetentionResult,
  SafetyStatus,
  SetFolderInput,
  UploadId,
  UploadInput,
  VerifyResult,
} from './safety.schema'

const ById = z.object({ id: BackupId }).strict()
const WithJob = z.object({ jobId: JobId }).strict()

export const safetyContract = {
  'safety:status': { input: Empty, output: SafetyStatus },
  'safety:health': { input: Empty, output: Health },
  'safety:list': { input: Empty, output: z.array(BackupEntry) },
  'safety:backup': { input: WithJob, output: BackupEntry },
  'safety:verify': { input: ById, output: VerifyResult },
  'safety:inspect': {
    input: z.object({ uploadId: UploadId }).strict(),
    output: InspectResult,
  },
  'safety:restore': { input: RestoreInput, output: RestoreResult },
  'safety:delete': { input: ById, output: z.object({ id: z.string() }) },
  'safety:set-folder': { input: SetFolderInput, output: BackupFolder },
  'safety:package-export': { input: WithJob, output: PackageExported },
  'safety:download': { input: DownloadInput, output: DownloadChunk },
  'safety:upload': { input: UploadInput, output: z.object({ size: z.number() }) },
  /** A staged upload the user is done with (a closed import dialog, a finished CLI import). */
  'safety:discard-upload': {
    input: z.object({ uploadId: UploadId }).strict(),
    output: z.object({ uploadId: z.string() }),
  },
  'safety:package-preview': {
    input: z.object({ uploadId: UploadId }).strict(),
    output: PackagePreview,
  },
  'safety:package-import': { input: PackageImportInput, output: PackageImported },
  'safety:retention': { input: Empty, output: Retention },
  'safety:set-retention': { input: Retention.strict(), output: RetentionResult },
} as const
