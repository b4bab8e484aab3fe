using StationMap.Common;
using StationMap.Stations;

namespace StationMap.Api.Ogc;

/// <summary>The stations collection's own filters: adcode (prefix), type, services (all of), status.</summary>
internal sealed record StationFilters(string? AdcodePrefix, string? Type, string? Status, string[]? Services)
{
    public static readonly string[] Names = ["adcode", "type", "services", "status"];

    public static StationFilters Parse(IQueryCollection q, List<FieldError> errors)
    {
        var adcode = QueryParameters.AdcodePrefix(q, "adcode", errors);

        var type = QueryParameters.Enum<StationType>(q, "type", errors);
        var status = QueryParameters.Enum<StationStatus>(q, "status", errors);
        string[]? services = null;
        var text = q["services"].ToString();
        if (text.Length > 0)
        {
            services = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => ServiceCatalog.TryResolve(s, out var info) ? info.Code : null).ToArray()!;
            if (services.Length == 0 || services.Any(s => s is null))
                errors.Add(QueryParameters.Invalid("services", text, string.Join(", ", ServiceCatalog.Codes)));
        }
        return new StationFilters(adcode,
            type is { } t ? EnumNames.Wire(t) : null, status is { } s2 ? EnumNames.Wire(s2) : null, services);
    }
}
