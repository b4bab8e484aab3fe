using StationMap.Stations;

namespace StationMap.Samples;

/// <summary>Where a station is: "北京市" + "海淀区" + "中关村街道", with the short place name "中关村".</summary>
internal readonly record struct SamplePlace(string Province, string City, string District, string Street, string Road = "")
{
    /// <summary>"北京", without 市, as used in branch names ("中国石化销售股份有限公司北京石油分公司").</summary>
    public string CityShort => City.TrimEnd('市');

    /// <summary>"北京市" for a municipality, "浙江省杭州市" elsewhere.</summary>
    public string Region => Province == City ? City : Province + City;

    public string Place => Street.TrimEnd("街道地区镇乡".ToCharArray()) is { Length: > 0 } p ? p : Street;
}

/// <summary>Names, hosts and addresses in the patterns unions actually use (邮爱驿站, 劳动者港湾, 爱心驿站 …).</summary>
internal static class StationNaming
{
    private static readonly (HostKind Kind, double Weight)[] HostMix =
    [
        (HostKind.Union, 25), (HostKind.PostOffice, 15), (HostKind.Bank, 20), (HostKind.PetrolStation, 10),
        (HostKind.Community, 15), (HostKind.Telecom, 5), (HostKind.Government, 4), (HostKind.Enterprise, 6),
    ];

    private static readonly double[] HostCumulative = RandomExtensions.Cumulative(HostMix.Select(h => h.Weight));
    private static readonly (string Name, string Hotline)[] Banks =
        [("工商银行", "95588"), ("建设银行", "95533"), ("农业银行", "95599"), ("中国银行", "95566"), ("交通银行", "95559"), ("邮储银行", "95580")];
    private static readonly (string Name, string Hotline)[] Carriers = [("中国移动", "10086"), ("中国联通", "10010"), ("中国电信", "10000")];
    private static readonly string[] Companies = ["顺丰速运", "京东物流", "中通快递", "美团配送", "饿了么", "城市环卫集团"];
    private static readonly string[] Estates = ["东里", "西里", "南里", "北里", "花园", "家园", "新村", "嘉园", "一区", "二区"];
    private static readonly string[] RoadSuffixes = ["路", "大街", "东路", "西路", "南路", "北路", "街"];

    public static HostKind DrawHost(Random rng) => HostMix[rng.PickWeighted(HostCumulative)].Kind;

    /// <summary>A name, the host organisation and, for chains, their public hotline.</summary>
    public static (string Name, string Host, string? Hotline) Draw(Random rng, HostKind kind, SamplePlace at)
    {
        // Chains name a branch after its road about half the time ("邮爱驿站（景山东路支局）").
        string site = rng.Chance(0.5) ? at.Road : at.Place;
        switch (kind)
        {
            case HostKind.Union:
                return ($"{at.Street}工会户外劳动者服务站点", $"{at.District}{at.Street}总工会", null);
            case HostKind.PostOffice:
                return ($"邮爱驿站（{site}支局）", $"中国邮政集团有限公司{at.City}{at.District}分公司", "11183");
            case HostKind.Bank:
                var (bank, hotline) = rng.Pick(Banks);
                return ($"劳动者港湾（{bank}{site}支行）", $"{bank}{at.CityShort}{site}支行", hotline);
            case HostKind.PetrolStation:
                return rng.Chance(0.7)
                    ? ($"中石化{site}加油站爱心驿站", $"中国石化销售股份有限公司{at.CityShort}石油分公司", "95105988")
                    : ($"中石油{site}加油站爱心驿站", $"中国石油天然气股份有限公司{at.CityShort}销售分公司", "95504");
            case HostKind.Community:
                string estate = at.Place + rng.Pick(Estates);
                return ($"{estate}社区工会驿站", $"{estate}社区居民委员会", null);
            case HostKind.Telecom:
                var (carrier, service) = rng.Pick(Carriers);
                return ($"{carrier}{site}营业厅爱心驿站", $"{carrier}{at.CityShort}{at.District}分公司", service);
            case HostKind.Government:
                return ($"{at.Street}便民服务中心暖心驿站", $"{at.District}{at.Street}办事处", null);
            default:
                string company = rng.Pick(Companies);
                return ($"{company}{site}站点暖心驿站", $"{company}{at.CityShort}{site}站点", null);
        }
    }

    public static string DrawRoad(Random rng, SamplePlace at)
    {
        // Draw even when unused so the rest of the sample stays the same sequence.
        string suffix = rng.Pick(RoadSuffixes);
        // 展览路街道 is named after its road already: "展览路", not "展览路路" or "金融街大街".
        return at.Place.EndsWith('路') || at.Place.EndsWith('街') ? at.Place : at.Place + suffix;
    }

    public static string DrawAddress(Random rng, SamplePlace at) =>
        $"{at.Region}{at.District}{at.Street}{at.Road}{rng.Next(1, 300)}号";
}
