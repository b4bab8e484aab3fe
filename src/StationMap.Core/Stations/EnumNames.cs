namespace StationMap.Stations;

/// <summary>Wire names of the station enums: lower-case English, plus the Chinese words staff use.</summary>
public static class EnumNames
{
    public static string Wire<T>(T value) where T : struct, Enum =>
        WireNames<T>.Known.TryGetValue(value, out var name) ? name : value.ToString().ToLowerInvariant();

    /// <summary>The names of the defined values, made once: imports ask for them a few times per row.</summary>
    private static class WireNames<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Known = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString().ToLowerInvariant());

        /// <summary>Name → value, any case. Only whole names: Enum.TryParse would also take "micro,mobile" (OR-ed as
        /// flags) or "7", and store a value that is none of the list.</summary>
        public static readonly Dictionary<string, T> ByName = Enum.GetNames<T>().ToDictionary(n => n, Enum.Parse<T>, StringComparer.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => Wire(v)).ToList();

    private static readonly Dictionary<string, Enum> Chinese = new()
    {
        ["标准"] = StationType.Standard, ["标准型"] = StationType.Standard, ["标准站"] = StationType.Standard,
        ["微型"] = StationType.Micro, ["微型站"] = StationType.Micro, ["一平米"] = StationType.Micro,
        ["流动"] = StationType.Mobile, ["流动站"] = StationType.Mobile, ["移动"] = StationType.Mobile,
        ["正常"] = StationStatus.Active, ["运行"] = StationStatus.Active, ["开放"] = StationStatus.Active, ["启用"] = StationStatus.Active,
        ["暂停"] = StationStatus.Suspended, ["暂停服务"] = StationStatus.Suspended,
        ["关闭"] = StationStatus.Closed, ["撤销"] = StationStatus.Closed, ["停用"] = StationStatus.Closed,
        ["邮政"] = HostKind.PostOffice, ["邮局"] = HostKind.PostOffice, ["银行"] = HostKind.Bank,
        ["加油站"] = HostKind.PetrolStation, ["通信"] = HostKind.Telecom, ["电信"] = HostKind.Telecom,
        ["社区"] = HostKind.Community, ["政府"] = HostKind.Government, ["政务"] = HostKind.Government,
        ["企业"] = HostKind.Enterprise, ["工会"] = HostKind.Union, ["其他"] = HostKind.Other,
    };

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var t = (text ?? "").Trim().Replace("_", "").Replace("-", "").Replace(" ", "");
        if (WireNames<T>.ByName.TryGetValue(t, out value)) return true;
        if (Chinese.TryGetValue(t, out var e) && e is T typed) { value = typed; return true; }
        value = default;
        return false;
    }
}
