using StationMap.Common;

namespace StationMap.Stations;

internal static class StationServiceRules
{
    /// <summary>Maps codes, Chinese or English labels to catalog codes; unknown names are errors.</summary>
    public static List<string> Resolve(IEnumerable<string>? names, List<FieldError> errors)
    {
        var codes = new List<string>();
        foreach (var raw in names ?? [])
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (ServiceCatalog.TryResolve(raw, out var service))
            {
                if (!codes.Contains(service.Code)) codes.Add(service.Code);
            }
            else
            {
                var valid = string.Join(", ", ServiceCatalog.Codes);
                errors.Add(FieldError.Of("services", "unknown_service", $"未知服务项目：'{raw}'，可选：{valid}",
                    $"unknown service '{raw}'; valid: {valid}"));
            }
        }
        // Catalog order keeps stored arrays comparable (unchanged rows stay unchanged).
        return ServiceCatalog.Codes.Where(codes.Contains).ToList();
    }
}
