// zod's fallback messages, in our own words: a schema without a message of its own still tells
// the person in plain Chinese what to change (zod's locale text — 「数值过小：期望 number >=2000」 —
// never reaches them).
import type { z } from 'zod'

type Issue = Parameters<z.core.$ZodErrorMap>[0]

const KIND: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  array: '列表',
  boolean: '是或否',
  object: '一组内容',
  date: '日期',
}

function limit(issue: Issue, small: boolean): string {
  const i = issue as { origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean }
  const n = Number(small ? i.minimum : i.maximum)
  const edge = i.inclusive === false ? (small ? '大于' : '小于') : small ? '不能小于' : '不能大于'
  switch (i.origin) {
    case 'string':
      return small ? `至少要填写 ${n} 个字` : `不能超过 ${n} 个字，请删减`
    case 'array':
    case 'set':
      return small ? `至少要选择 ${n} 项` : `最多只能选择 ${n} 项`
    case 'file':
      return small ? '文件太小' : '文件太大'
    default:
      return i.inclusive === false ? `数值要${edge} ${n}，请修改` : `数值${edge} ${n}，请修改`
  }
}

export function plainChineseError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const i = issue as { expected?: string; input?: unknown }
      if (i.input === undefined) return '缺少必填的内容，请填写后重试'
      return `格式不对：这里要填写${KIND[i.expected ?? ''] ?? '正确的内容'}`
    }
    case 'too_small':
      return limit(issue, true)
    case 'too_big':
      return limit(issue, false)
    case 'invalid_value': {
      const values = (issue as { values?: unknown[] }).values ?? []
      return values.length && values.length <= 12
        ? `只能选择：${values.map(String).join('、')}`
        : '选择的值不在可选范围内，请重新选择'
    }
    case 'invalid_format':
      return '格式不对，请检查后重新填写'
    case 'not_multiple_of':
      return '数值不符合要求，请检查'
    case 'unrecognized_keys':
      return '请求里有程序不认识的内容，请刷新页面或升级联建通后重试'
    default:
      return '填写的内容有误，请检查后重试'
  }
}
