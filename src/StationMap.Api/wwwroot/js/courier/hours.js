// Reads the stored opening_hours subset ("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", "24/7") in Chinese.
// The provider feeds write the same wording on the server (src/StationMap.Core/Hours/ChineseHoursText.cs): keep the two in step.
import { lang } from '../i18n.js';

const days = { Mo: '周一', Tu: '周二', We: '周三', Th: '周四', Fr: '周五', Sa: '周六', Su: '周日', PH: '法定节假日' };

function describeRule(rule) {
  if (rule === '24/7') return '24小时营业';
  // A rule without days applies every day.
  return (/^\d/.test(rule) ? `每天 ${rule}` : rule)
    .replace(/\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)\b/g, (d) => days[d])
    .replace(/-(?=周)/g, '至')
    .replace(/,(?=周|法|\d)/g, '、')
    .replace(/\s*\b(off|closed)\b/g, '休息')
    .replace(/(\d{2}:\d{2})-(\d{2}:\d{2})/g, (m, from, to) => (to <= from ? `${from}-次日${to}` : m));
}

export function describeHours(text) {
  if (!text) return '';
  if (lang() === 'en') return text === '24/7' ? '24 hours, every day' : text;
  return text.trim().split(/;\s*/).filter((r) => r).map(describeRule).join('；');
}
