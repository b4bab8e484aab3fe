using StationMap.Geo;

namespace StationMap.Tests.Geo;

public class ChinaRegionTests
{
    [Theory]
    [InlineData("Ulaanbaatar", 106.9057, 47.8864)]
    [InlineData("Zamyn-Uud, across the border from Erenhot", 111.90, 43.717)]
    [InlineData("Hanoi", 105.8342, 21.0278)]
    [InlineData("Lao Cai, across the river from Hekou", 103.967, 22.483)]
    [InlineData("Pyongyang", 125.7625, 39.0392)]
    [InlineData("Seoul", 126.978, 37.5665)]
    [InlineData("Sinuiju, across the Yalu from Dandong", 124.40, 40.10)]
    [InlineData("Tokyo", 139.6917, 35.6895)]
    [InlineData("Fukuoka", 130.4017, 33.5902)]
    [InlineData("Almaty", 76.9286, 43.2567)]
    [InlineData("Zharkent, across the border from Khorgos", 80.06, 44.17)]
    [InlineData("Blagoveshchensk, across the Amur from Heihe", 127.533, 50.267)]
    [InlineData("Vladivostok", 131.8869, 43.1155)]
    [InlineData("Khabarovsk", 135.0719, 48.4808)]
    [InlineData("Manila", 120.9842, 14.5995)]
    [InlineData("Yonaguni, Japan", 123.00, 24.46)]
    public void Neighbouring_cities_are_outside_the_offset_region(string name, double lng, double lat)
    {
        Assert.False(ChinaRegion.IsInOffsetRegion(lng, lat), name);
        Assert.False(ChinaRegion.IsInsideChina(lng, lat), name);
    }

    [Theory]
    [InlineData("Mohe", 122.5386, 52.9722)]
    [InlineData("Beiji village, Mohe", 122.35, 53.47)]
    [InlineData("Sanya", 109.5119, 18.2528)]
    [InlineData("Kashgar", 75.9897, 39.4704)]
    [InlineData("Fuyuan", 134.29, 48.365)]
    [InlineData("Lhasa", 91.1322, 29.6604)]
    [InlineData("Beijing", 116.4074, 39.9042)]
    [InlineData("Shanghai", 121.4737, 31.2304)]
    [InlineData("Urumqi", 87.6168, 43.8256)]
    [InlineData("Harbin", 126.5350, 45.8038)]
    [InlineData("Kunming", 102.8329, 24.8801)]
    [InlineData("Dandong", 124.395, 40.1247)]
    [InlineData("Heihe", 127.49, 50.245)]
    [InlineData("Erenhot", 111.97, 43.65)]
    [InlineData("Khorgos", 80.41, 44.21)]
    [InlineData("Zhoushan, Putuo", 122.30, 29.95)]
    [InlineData("Xiamen", 118.0894, 24.4798)]
    [InlineData("Yongxing Island, Sansha", 112.33, 16.83)]
    [InlineData("Hong Kong", 114.1694, 22.3193)]
    [InlineData("Macau", 113.5439, 22.1987)]
    [InlineData("Taipei", 121.5654, 25.0330)]
    [InlineData("Kaohsiung", 120.3014, 22.6273)]
    public void Chinese_cities_including_border_towns_are_inside(string name, double lng, double lat)
    {
        Assert.True(ChinaRegion.IsInOffsetRegion(lng, lat), name);
        Assert.True(ChinaRegion.IsInsideChina(lng, lat), name);
    }

    [Theory]
    [InlineData(double.NaN, 39.9)]
    [InlineData(116.4, double.NaN)]
    [InlineData(double.PositiveInfinity, 39.9)]
    public void Non_finite_points_are_outside(double lng, double lat) =>
        Assert.False(ChinaRegion.IsInOffsetRegion(lng, lat));
}
