namespace StationMap.Stations;

/// <summary>One service a station can offer, with its labels and the aliases staff write.</summary>
public sealed record ServiceInfo(string Code, string Chinese, string English, params string[] Aliases);

/// <summary>The fixed list of services. Codes are stable and used in the API, feeds and the database.</summary>
public static class ServiceCatalog
{
    public static readonly IReadOnlyList<ServiceInfo> All =
    [
        new("water", "饮水", "Drinking water", "热水", "开水", "饮用水", "饮水机", "喝水"),
        new("microwave", "微波炉/热饭", "Microwave / hot meals", "微波炉", "热饭", "加热", "热餐"),
        new("charging", "手机充电", "Phone charging", "充电", "充电宝", "充电插座"),
        new("rest", "休息座椅", "Seating / rest", "休息", "桌椅", "座椅", "歇脚"),
        new("toilet", "卫生间", "Toilet", "厕所", "洗手间", "如厕"),
        new("firstaid", "医药箱", "First-aid kit", "急救箱", "药箱", "应急药品", "应急药箱", "医疗箱", "急救包", "药品", "first aid"),
        new("aircon", "空调/取暖", "Air conditioning / heating", "空调", "取暖", "暖气", "纳凉", "heating"),
        new("wifi", "无线网络", "Wi-Fi", "WiFi", "无线上网", "网络"),
        new("raingear", "雨具", "Rain gear", "雨伞", "雨衣"),
        new("tools", "维修工具", "Tools", "工具", "打气筒", "工具箱"),
        new("nursing", "母婴室", "Nursing room", "哺乳室"),
        new("aed", "AED", "AED defibrillator", "除颤仪", "自动体外除颤器"),
    ];

    private static readonly Dictionary<string, ServiceInfo> ByName = BuildLookup();

    public static IEnumerable<string> Codes => All.Select(s => s.Code);

    public static ServiceInfo? Find(string code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>Resolves a code, a Chinese/English label or a common alias (case-insensitive).</summary>
    public static bool TryResolve(string text, out ServiceInfo service)
    {
        return ByName.TryGetValue(text.Trim(), out service!);
    }

    /// <summary>As <see cref="TryResolve"/>, then by keyword: the longest Chinese label or alias the text contains
    /// ("应急药箱" → first aid, "饮水机热水" → water). Used for staff's own words in imports.</summary>
    public static bool TryMatch(string text, out ServiceInfo service)
    {
        if (TryResolve(text, out service)) return true;
        var t = text.Trim();
        var best = Keywords.Where(k => t.Contains(k.Word, StringComparison.OrdinalIgnoreCase)).OrderByDescending(k => k.Word.Length).FirstOrDefault();
        service = best.Service!;
        return best.Service is not null;
    }

    // Chinese words of two characters or more (one-character words would match too much).
    private static readonly (string Word, ServiceInfo Service)[] Keywords =
        [.. All.SelectMany(s => new[] { s.Chinese }.Concat(s.Chinese.Split('/')).Concat(s.Aliases)
            .Where(w => w.Length >= 2 && w.Any(c => c > 0x2E80)).Distinct().Select(w => (w, s)))];

    private static Dictionary<string, ServiceInfo> BuildLookup()
    {
        var map = new Dictionary<string, ServiceInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in All)
        {
            foreach (var name in new[] { s.Code, s.Chinese, s.English }.Concat(s.Aliases))
                map.TryAdd(name, s);
        }
        return map;
    }
}
