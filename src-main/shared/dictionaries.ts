// Dictionaries from DOMAIN.md: the fixed choices users pick from. Labels are what is stored.

export const GENDER = ['男', '女'] as const
export const POLITICAL_STATUS = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民主党派',
  '群众',
] as const
export const EDUCATION = [
  '研究生',
  '大学本科',
  '大学专科',
  '中专/高中',
  '初中',
  '小学及以下',
] as const
export const WORK_STATUS = ['在职', '退休', '自由职业', '学生', '其他'] as const
export const TALENT_CATEGORY = [
  '法律服务',
  '医疗健康',
  '文化体育',
  '教育培训',
  '矛盾调解',
  '技能服务',
  '志愿服务',
  '宣传文化',
  '其他',
] as const
export const PARTICIPATION_AREA = [
  '居民议事协商',
  '矛盾纠纷调处',
  '社区文明生活',
  '社会事业发展',
] as const
export const HUKOU = ['本地', '外地'] as const
export const DISCOVERY = ['走访摸排', '自荐', '他人推荐', '在职党员报到'] as const
export const TALENT_STATUS = ['在册', '暂停', '退出'] as const
export const ETHNICITY = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const

export const UNIT_NATURE = [
  '党政机关',
  '事业单位',
  '国有企业',
  '非公企业',
  '社会组织',
  '学校',
  '医院',
  '物业企业',
  '其他',
] as const
export const PARTY_ORG_TYPE = ['党委', '党总支', '党支部', '联合党支部', '未建'] as const
export const UNIT_STATUS = ['共建中', '已退出'] as const
export const LIST_TYPE = ['资源', '需求', '项目'] as const
export const LIST_STATUS = ['待认领', '已认领', '实施中', '已完成'] as const
export const LIST_CATEGORY = [
  '为民服务',
  '文化活动',
  '教育培训',
  '医疗健康',
  '法律服务',
  '环境整治',
  '设施改造',
  '帮扶救助',
  '其他',
] as const

export const COMMITTEE_LEVEL = ['社区大党委', '街道大工委'] as const
export const COMMITTEE_CATEGORY = [
  '驻区单位党组织负责人',
  '非公企业党组织负责人',
  '物业企业党组织负责人',
  '业委会党员',
  '社区优秀党员',
  '离退休党员',
  '其他',
] as const
export const APPOINT_METHOD = ['聘任', '选任'] as const
export const COMMITTEE_STATUS = ['在任', '离任'] as const
export const REVIEW_RATING = ['优秀', '称职', '基本称职', '不称职'] as const

export const HOUSEHOLD_STATUS = ['正常', '调整', '撤销'] as const

/** A term ending within this many days is flagged (DOMAIN.md). */
export const TERM_WARNING_DAYS = 60

export const MEETING_TYPE = [
  '党建联席会议',
  '大党委会议',
  '兼职委员会议',
  '居民议事会',
  '其他',
] as const
export const ATTENDANCE = ['出席', '请假', '列席', '缺席'] as const
export const RESOLUTION_STATUS = ['未开始', '推进中', '已完成'] as const

/** 在职党员双报到: 已返回 means the member no longer serves here (moved, transferred …). */
export const REPORTED_STATUS = ['已报到', '已返回'] as const
// 民情事项 (issue 17). 来源 and 类型 are the seeds' own words (Kunming 吹哨报到, Huai'an 三项清单).
export const MATTER_SOURCE = [
  '网格走访',
  '来电来访',
  '12345 热线',
  '心愿墙/微心愿',
  '为民服务站',
  '兼职委员反映',
  '党员中心户反映',
  '其他',
] as const
export const MATTER_KIND = ['问题', '建议', '办实事'] as const
/** 哨级, only for 问题 (seed 000). */
export const MATTER_LEVEL = ['应急', '重点', '常规', '协调'] as const
/**
 * 类别: talents' 人才类别 and units' 清单类别 together (the two lists differ), so an item's
 * category equals a talent's or a 资源清单 item's category literally and responders can be matched.
 */
export const MATTER_CATEGORY = [
  '法律服务',
  '医疗健康',
  '文化体育',
  '教育培训',
  '矛盾调解',
  '技能服务',
  '志愿服务',
  '宣传文化',
  '为民服务',
  '文化活动',
  '环境整治',
  '设施改造',
  '帮扶救助',
  '其他',
] as const
export const MATTER_STATUS = [
  '待派单',
  '已派单',
  '已接单',
  '办理中',
  '已反馈',
  '已结项',
  '已评价',
  '已取消',
  '已合并',
] as const
/** States an item can still be worked on (and so be overdue, cancelled or merged). */
export const MATTER_OPEN_STATUS = ['待派单', '已派单', '已接单', '办理中', '已反馈'] as const
export const MATTER_RATING = ['满意', '基本满意', '不满意'] as const
export const MATTER_VISIT_METHOD = ['电话回访', '上门回访', '当面回访', '微信回访', '其他'] as const
/** Who can be dispatched to: the registers' people and units, or a 街道 office by name (吹哨). */
export const RESPONDER_KIND = [
  'talent',
  'unit',
  'committee',
  'household',
  'reported',
  'office',
] as const
export const RESPONDER_KIND_LABEL: Record<(typeof RESPONDER_KIND)[number], string> = {
  talent: '社区能人',
  unit: '共建单位',
  committee: '兼职委员',
  household: '党员中心户',
  reported: '在职党员',
  office: '吹哨部门',
}
/** 办理时限 defaults (days), each community's own rule: editable in 社区信息. */
export const MATTER_DEADLINE_KEYS = ['应急', '重点', '常规', '协调', '建议', '办实事'] as const
