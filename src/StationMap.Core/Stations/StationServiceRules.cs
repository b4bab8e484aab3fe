using StationMap.Common;

namespace StationMap.Stations;

internal static class StationServiceRules
{
    /// <summary>Far more than the catalog holds: a longer list is a mistake or an attack, not a station.</summary>
    private const int MaxEntries = 50;

    /// <summary>Maps codes, Chinese or English labels to catalog codes; unknown names are errors.</summary>
    public static List<string> Resolve(IEnumerable<string>? names, List<FieldError> errors)
    {
        var codes = new List<string>();
        var list = names?.ToList() ?? [];
        if (list.Count > MaxEntries)
        {
            errors.Add(FieldError.Of("services", "too_many", $"服务项目最多{MaxEntries}项（现为{list.Count}）", $"at most {MaxEntries} services (has {list.Count})"));
            return codes;
        }
        foreach (var raw in list)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (ServiceCatalog.TryResolve(raw, out var service))
            {
                if (!codes.Contains(service.Code)) codes.Add(service.Code);
            }
            else
            {
                var shown = StationTextRules.Echo(raw);
                var valid = string.Join(", ", ServiceCatalog.Codes);
                errors.Add(FieldError.Of("services", "unknown_service", $"未知服务项目：'{shown}'，可选：{valid}",
                    $"unknown service '{shown}'; valid: {valid}"));
            }
        }
        // Catalog order keeps stored arrays comparable (unchanged rows stay unchanged).
        return ServiceCatalog.Codes.Where(codes.Contains).ToList();
    }
}
