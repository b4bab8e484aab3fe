using StationMap.Import;

namespace StationMap.Tests.Import;

public class CellTextTests
{
    [Theory]
    [InlineData("1.10108E+05", "110108", true, false)]
    [InlineData("1.10108e5", "110108", true, false)]
    [InlineData("1.1E+05", "110000", true, true)]
    [InlineData("1.38123E+10", "13812300000", true, true)]
    [InlineData("110108.0", "110108", false, false)]
    [InlineData("１１０１０８", "110108", false, false)]
    [InlineData(" 110108\u00A0", "110108", false, false)]
    [InlineData("BJ110108-000001", "BJ110108-000001", false, false)]
    public void Excel_number_artefacts_are_undone(string cell, string expected, bool scientific, bool lossy)
    {
        Assert.Equal(expected, CellText.Digits(cell, out var wasScientific, out var wasLossy));
        Assert.Equal(scientific, wasScientific);
        Assert.Equal(lossy, wasLossy);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("Y", true)]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData("否", false)]
    [InlineData("n", false)]
    [InlineData("0", false)]
    [InlineData("", null)]
    [InlineData("maybe", null)]
    public void Yes_and_no_in_chinese_and_english(string cell, bool? expected) => Assert.Equal(expected, CellText.YesNo(cell));

    [Theory]
    [InlineData("18.5", 18.5)]
    [InlineData("20平方米", 20)]
    [InlineData("５㎡", 5)]
    public void Area_units_are_ignored(string cell, double expected)
    {
        Assert.Equal((decimal)expected, CellText.Area(cell, out var invalid));
        Assert.False(invalid);
    }

    [Fact]
    public void Lists_split_on_chinese_and_ascii_separators() =>
        Assert.Equal(["饮水", "微波炉", "充电", "WiFi", "厕所"], CellText.List("饮水、微波炉，充电;WiFi／厕所"));

    [Theory]
    [InlineData("中关村街道工会户外劳动者服务站点", "中关村街道工会驿站", true)]
    [InlineData("邮爱驿站（和平里支局）", "邮爱驿站(和平里支局)", true)]
    [InlineData("学院路驿站", "和平里驿站", false)]
    public void Station_names_compare_without_the_generic_words(string a, string b, bool similar) =>
        Assert.Equal(similar, StationNames.Similar(StationNames.Key(a), StationNames.Key(b)));

    [Fact]
    public void Near_duplicates_need_both_closeness_and_a_similar_name()
    {
        var near = new NearDuplicates(20);
        Assert.Null(near.Add(2, 116.3162, 39.9834, "中关村驿站"));
        Assert.Equal(2, near.Add(3, 116.31625, 39.98345, "中关村街道工会驿站")); // ~7 m away
        Assert.Null(near.Add(4, 116.31625, 39.98345, "学院路驿站"));              // close, other name
        Assert.Null(near.Add(5, 116.3172, 39.9834, "中关村驿站"));                // same name, ~85 m away
    }

    [Fact]
    public void A_near_duplicate_names_the_earliest_row_even_across_grid_cells()
    {
        var near = new NearDuplicates(20);
        // Rows 7 and 8 lie ~18 m apart, in different grid rows; row 9 is ~9 m from both and names row 7.
        Assert.Null(near.Add(7, 116.40000, 39.99992, "和平里驿站"));
        Assert.Equal(7, near.Add(8, 116.40000, 40.00008, "和平里工会驿站"));
        Assert.Equal(7, near.Add(9, 116.40000, 40.00000, "和平里驿站"));
        Assert.Null(near.Add(10, 116.40000, 40.00100, "和平里驿站")); // ~110 m north
    }
}

public class ProblemLogTests
{
    [Fact]
    public void File_problems_are_kept_even_when_the_row_problems_filled_the_log()
    {
        var log = new ProblemLog(cap: 2);
        log.AddErrors([ImportProblem.Of(2, "a", "x", "甲", "a"), ImportProblem.Of(3, "a", "x", "甲", "a"), ImportProblem.Of(4, "a", "x", "甲", "a")]);
        log.AddErrors([ImportProblem.File("too_many_rows", "多", "many")]);
        Assert.True(log.Truncated);
        Assert.True(log.HasFileErrors);
        Assert.Equal([2, 3, 4], log.RejectedRows);
    }
}
