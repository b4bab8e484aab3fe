using StationMap.Common;
using StationMap.Stations;

namespace StationMap.Api.Ogc;

/// <summary>The stations collection's own filters: adcode (prefix), type, services (all of), status.</summary>
internal sealed record StationFilters(string? AdcodePrefix, string? Type, string? Status, string[]? Services)
{
    public static readonly string[] Names = ["adcode", "type", "services", "status"];

    public static StationFilters Parse(IQueryCollection q, List<FieldError> errors)
    {
        var adcode = q["adcode"].ToString().Trim();
        if (adcode.Length > 0 && (adcode.Length > 6 || !adcode.All(char.IsAsciiDigit)))
            errors.Add(FieldError.Of("adcode", "invalid_parameter", "adcode 须为1到6位数字（前缀）", "adcode must be 1 to 6 digits (a prefix)"));
        else if (adcode.Length == 6) adcode = Orgs.AdcodeScope.Prefix(adcode);

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
        return new StationFilters(adcode.Length > 0 ? adcode : null,
            type is { } t ? EnumNames.Wire(t) : null, status is { } s2 ? EnumNames.Wire(s2) : null, services);
    }
}
