import type { z } from 'zod'
import { AppError, type FieldIssue } from './result'

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join('.'),
    message: i.message,
  }))
}

export function validationError(error: z.ZodError): AppError {
  const details = issuesOf(error)
  const first = details[0]?.message ?? '输入有误'
  const message = details.length > 1 ? `${first}（另有 ${details.length - 1} 处需要修改）` : first
  return new AppError('VALIDATION', message, details)
}
