// The safety channels mapped to their handlers, spread into backend/handlers.ts.
import {
  safetyBackup,
  safetyDelete,
  safetyDiscardUpload,
  safetyDownload,
  safetyHealth,
  safetyInspect,
  safetyList,
  safetyPackageExport,
  safetyPackageImport,
  safetyPackagePreview,
  safetyRestore,
  safetySetFolder,
  safetyStatus,
  safetyUpload,
  safetyVerify,
} from './safety.handlers'
import { safetyRetention, safetySetRetention } from './retention'

export const safetyHandlers = {
  'safety:status': safetyStatus,
  'safety:health': safetyHealth,
  'safety:list': safetyList,
  'safety:backup': safetyBackup,
  'safety:verify': safetyVerify,
  'safety:inspect': safetyInspect,
  'safety:restore': safetyRestore,
  'safety:delete': safetyDelete,
  'safety:set-folder': safetySetFolder,
  'safety:package-export': safetyPackageExport,
  'safety:download': safetyDownload,
  'safety:upload': safetyUpload,
  'safety:discard-upload': safetyDiscardUpload,
  'safety:package-preview': safetyPackagePreview,
  'safety:package-import': safetyPackageImport,
  'safety:retention': safetyRetention,
  'safety:set-retention': safetySetRetention,
} as const
