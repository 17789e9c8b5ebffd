import { z } from 'zod'

/** An id the UI makes up for one long job, to ask for its progress while it runs. */
export const JobId = z
  .string()
  .regex(/^[\w-]{1,40}$/, '任务编号格式不对')
  .optional()

export const JobProgress = z
  .object({ phase: z.string(), done: z.number(), total: z.number() })
  .nullable()
