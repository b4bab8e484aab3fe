using StationMap.Hours;

namespace StationMap.Tests.Hours;

public class ChineseOpeningHoursTests
{
    [Theory]
    [InlineData("24小时", "24/7")]
    [InlineData("全天", "24/7")]
    [InlineData("24小时营业", "24/7")]
    [InlineData("全天开放", "24/7")]
    [InlineData("7×24小时", "24/7")]
    [InlineData("每天 0:00-24:00", "24/7")]
    [InlineData("周一至周五 8:00-18:00", "Mo-Fr 08:00-18:00")]
    [InlineData("周一到周五 8:00-18:00，周六、周日 9:00-17:00", "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00")]
    [InlineData("星期一至星期五 9:00-17:00", "Mo-Fr 09:00-17:00")]
    [InlineData("周一至五 9:00-17:00", "Mo-Fr 09:00-17:00")]
    [InlineData("工作日 8:30-17:30", "Mo-Fr 08:30-17:30")]
    [InlineData("周末 10:00-16:00", "Sa,Su 10:00-16:00")]
    [InlineData("双休日 10:00-16:00", "Sa,Su 10:00-16:00")]
    [InlineData("周六日 9:00-12:00", "Sa,Su 09:00-12:00")]
    [InlineData("每天 8:00-20:00", "08:00-20:00")]
    [InlineData("每日8:00-20:00", "08:00-20:00")]
    [InlineData("８：００－１８：００", "08:00-18:00")]
    [InlineData("8点-18点", "08:00-18:00")]
    [InlineData("8点半-17点半", "08:30-17:30")]
    [InlineData("早8点至晚6点", "08:00-18:00")]
    [InlineData("上午8:00-下午6:00", "08:00-18:00")]
    [InlineData("下午2点-6点", "14:00-18:00")]
    [InlineData("晚10点-早6点", "22:00-06:00")]
    [InlineData("8:00~18:00", "08:00-18:00")]
    [InlineData("8:00～18:00", "08:00-18:00")]
    [InlineData("8:00至18:00", "08:00-18:00")]
    [InlineData("8:00到18:00", "08:00-18:00")]
    [InlineData("8:00—18:00", "08:00-18:00")]
    [InlineData("周一至周五 8:00-12:00、14:00-18:00", "Mo-Fr 08:00-12:00,14:00-18:00")]
    [InlineData("周一至周五 8:00-12:00 14:00-18:00", "Mo-Fr 08:00-12:00,14:00-18:00")]
    [InlineData("工作日 8:00-18:00，节假日休息", "Mo-Fr 08:00-18:00; PH off")]
    [InlineData("周二至周日 9:00-17:00，周一闭馆", "Tu-Su 09:00-17:00; Mo off")]
    [InlineData("周一至周五 24小时，周末休息", "Mo-Fr 00:00-24:00; Sa,Su off")]
    [InlineData("开放时间：周一至周六 8:30-17:30", "Mo-Sa 08:30-17:30")]
    [InlineData("全年无休 7:00-22:00", "07:00-22:00")]
    [InlineData("星期六和星期日 9:00-15:00", "Sa,Su 09:00-15:00")]
    [InlineData("24小时，法定节假日休息", "24/7; PH off")]
    [InlineData("周一至周五 8时30分-17时", "Mo-Fr 08:30-17:00")]
    public void Chinese_input_normalises_to_canonical(string input, string canonical) =>
        Assert.Equal(canonical, OpeningHours.Normalize(input));

    [Theory]
    [InlineData("随便")]
    [InlineData("看情况")]
    [InlineData("周八 8:00-18:00")]
    [InlineData("25点-26点")]
    public void Unreadable_chinese_input_is_an_error(string input) =>
        Assert.False(OpeningHours.TryParse(input, out _, out _));
}
