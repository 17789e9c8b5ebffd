// Phone rules from DOMAIN.md: mobiles ^1[3-9]\d{9}$, landlines like 0871-12345678 (extension allowed).
export { normalizePhone } from './normalize'

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/

export function isPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone)
}

export const PHONE_MESSAGE =
  '请输入正确的电话号码：11 位手机号（如 13812345678）或带区号的固话（如 0871-12345678）'
