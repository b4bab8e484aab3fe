// Reads the stored opening_hours subset ("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", "24/7") in Chinese.
import { lang } from '../i18n.js';

const days = { Mo: '周一', Tu: '周二', We: '周三', Th: '周四', Fr: '周五', Sa: '周六', Su: '周日', PH: '法定节假日' };

export function describeHours(text) {
  if (!text) return '';
  if (lang() === 'en') return text === '24/7' ? '24 hours, every day' : text;
  if (text === '24/7') return '全天 24 小时';
  return text
    .replace(/\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)\b/g, (d) => days[d])
    .replace(/-(?=周)/g, '至')
    .replace(/,(?=周|法)/g, '、')
    .replace(/\boff\b/g, '休息')
    .replace(/;\s*/g, '；');
}
