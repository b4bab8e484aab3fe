using StationMap.Hours;

namespace StationMap.Tests.Hours;

/// <summary>The Chinese wording providers receive (and the courier page shows) for each stored form.</summary>
public class ChineseHoursTextTests
{
    [Theory]
    [InlineData("24/7", "24小时营业")]
    [InlineData("Mo-Fr 08:00-18:00; Sa,Su off; PH off", "周一至周五 08:00-18:00；周六、周日休息；法定节假日休息")]
    [InlineData("24/7; PH off", "24小时营业；法定节假日休息")]
    [InlineData("08:30-17:30", "每天 08:30-17:30")]
    [InlineData("08:00-12:00,14:00-18:00", "每天 08:00-12:00、14:00-18:00")]
    [InlineData("20:00-08:00", "每天 20:00-次日08:00")]
    [InlineData("Mo-We,Fr 09:00-17:00", "周一至周三、周五 09:00-17:00")]
    [InlineData("Mo-Fr,PH 09:00-12:00", "周一至周五、法定节假日 09:00-12:00")]
    [InlineData("Mo-Fr 00:00-24:00", "周一至周五 00:00-24:00")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Stored_hours_read_as_chinese(string? canonical, string chinese) =>
        Assert.Equal(chinese, ChineseHoursText.Of(canonical));

    /// <summary>Every text the sample stations carry comes out with no storage syntax left in it.</summary>
    [Fact]
    public void No_sample_station_hours_keep_storage_syntax()
    {
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(Path.Combine(RepoPaths.Root, "data", "sample-stations-beijing.csv"));
        var column = csv.GetOrdinal("hours");
        var hours = new HashSet<string>();
        while (csv.Read()) hours.Add(csv.GetString(column));
        Assert.True(hours.Count > 10);
        foreach (var text in hours)
            Assert.DoesNotMatch(@"\b(Mo|Tu|We|Th|Fr|Sa|Su|PH|off)\b|24/7|;", ChineseHoursText.Of(text));
    }
}
