using StationMap.Nearby;

namespace StationMap.Tests.Nearby;

public class ServiceMaskTests
{
    [Theory]
    [InlineData("microwave,water", new[] { "microwave", "water" })]
    [InlineData("water,microwave", new[] { "microwave", "water" })]
    [InlineData("charging", new[] { "charging" })]
    [InlineData("", new string[0])]
    public void A_joined_list_from_the_database_gives_the_same_services_as_the_array(string joined, string[] codes)
    {
        Assert.Equal(ServiceMask.Of(codes), ServiceMask.OfJoined(joined));
        Assert.Equal(codes.Order(), ServiceMask.SharedCodes(ServiceMask.OfJoined(joined)).Order());
    }

    [Fact]
    public void Codes_outside_the_catalog_are_ignored_not_mistaken_for_a_prefix()
    {
        Assert.Equal(ServiceMask.Of(["water"]), ServiceMask.OfJoined("water,wat,waterx"));
    }
}
