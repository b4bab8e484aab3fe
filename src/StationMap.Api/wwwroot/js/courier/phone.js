// Tap-to-call for a station's phone text. The station rule (Core/Stations/PhoneNumber.cs) accepts several numbers
// separated by / 、 , ， ; ； (spaces and brackets inside one number, e.g. "0755 8888 8888") and a landline
// extension written 转123 or -123; older data may also say ext / x / 分机.

const separators = /[/、,，;；]/;
// After the extension mark comes nothing the phone should dial.
const extensionMark = /转|分机|ext\.?|x/i;
// 010-62561234-123: area code, number, then the extension after a second dash.
const landlineWithDashExtension = /^((?:\+?86)?0\d{2,3})-?([2-9]\d{6,7})-\d{1,6}$/;

/** The digits a phone dials for one number as written: the extension left out, "+" kept only in front. */
function dialledDigits(number) {
  // NFKC turns full-width digits and signs (０１０－６２５６１２３４) into ASCII ones.
  const main = number.normalize('NFKC').replace(/[\s()]/g, '').replace(/[—–]/g, '-').split(extensionMark)[0];
  const landline = landlineWithDashExtension.exec(main);
  const digits = landline ? landline[1] + landline[2] : main;
  const dial = digits.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  // The rule accepts a mobile with the country code but no "+" (8613812345678): dialled so, it reaches no one.
  return /^861[3-9]\d{9}$/.test(dial) ? `+${dial}` : dial;
}

/**
 * Each number of the text as written, with the tel: digits to dial ("" for a part with nothing to dial, which the
 * page still shows as text: data that slipped past the rule is not hidden). The extension is not dialled: a
 * ";ext=" or "," pause in a tel: link is dropped or mis-timed by many Android dialers, and a switchboard usually
 * wants the extension after its greeting, so the courier reaches it and reads the extension from the link's text.
 */
export function phoneNumbers(text) {
  return (text ?? '').split(separators).map((n) => n.trim()).filter((n) => n.length > 0)
    .map((written) => ({ written, dial: dialledDigits(written).replace(/^\+$/, '') }));
}
