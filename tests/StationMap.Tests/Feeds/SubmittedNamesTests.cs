using StationMap.Feeds.Profiles;
using StationMap.Publication;

namespace StationMap.Tests.Feeds;

public sealed class SubmittedNamesTests
{
    private static readonly SubmittedNames Amap = SubmittedNames.For(FeedProfileCatalog.Load(null), "amap");

    [Theory]
    [InlineData("八角街道户外劳动者之家（工会驿站）", "八角街道户外劳动者之家")]
    [InlineData("八角街道户外劳动者之家(工会驿站)", "八角街道户外劳动者之家")]
    [InlineData("八角街道户外劳动者之家 （工会驿站） ", "八角街道户外劳动者之家")]
    [InlineData("八角街道户外劳动者之家（工会驿站)", "八角街道户外劳动者之家")]
    public void A_name_with_the_profiles_suffix_also_stands_for_the_name_without_it(string reported, string stored)
    {
        Assert.Equal([reported.Trim(), stored], Amap.Candidates(reported));
    }

    [Theory]
    [InlineData("八角街道户外劳动者之家")]
    [InlineData("（工会驿站）")]
    [InlineData("工会驿站八角")]
    public void Other_names_stand_only_for_themselves(string reported) => Assert.Equal([reported], Amap.Candidates(reported));

    [Fact]
    public void Only_the_providers_own_profiles_give_suffixes()
    {
        Assert.Equal(["A（工会驿站）"], SubmittedNames.For(FeedProfileCatalog.Load(null), "geojson").Candidates("A（工会驿站）"));
        Assert.Equal(["A（工会驿站）", "A"], SubmittedNames.For(FeedProfileCatalog.Load(null), "baidu").Candidates("A（工会驿站）"));
    }
}
