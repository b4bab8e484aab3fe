using StationMap.Stations;

namespace StationMap.Tests.Stations;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+8613812345678", "+8613812345678")]
    [InlineData("010-62345678", "010-62345678")]
    [InlineData("01062345678", "01062345678")]
    [InlineData("0755 8888 8888", "075588888888")]
    [InlineData("(010)62345678", "01062345678")]
    [InlineData("010-62345678-123", "010-62345678-123")]
    [InlineData("400-123-4567", "400-123-4567")]
    [InlineData("95588", "95588")]
    [InlineData("12345", "12345")]
    [InlineData("10086", "10086")]
    [InlineData("11183", "11183")]
    [InlineData("95105988", "95105988")]
    [InlineData("０１０－６２３４５６７８", "010-62345678")]
    [InlineData("13812345678 / 010-62345678", "13812345678/010-62345678")]
    public void Valid_numbers_are_accepted_and_normalised(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Theory]
    [InlineData("12")]
    [InlineData("1381234567")]
    [InlineData("62345678")]
    [InlineData("电话")]
    [InlineData("010-1234")]
    [InlineData("13812345678/abc")]
    public void Invalid_numbers_are_rejected(string input) => Assert.Null(PhoneNumber.Normalize(input));
}
