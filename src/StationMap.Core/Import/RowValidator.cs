using StationMap.Auth;
using StationMap.Common;
using StationMap.Divisions;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>
/// Checks a mapped row with <see cref="StationValidator"/> (the same rules as the API), then what only an import
/// needs: the caller's scope and codes unique in the file.
/// Field names in the validator's errors are translated back to the file's own column headers.
/// </summary>
public sealed class RowValidator(ColumnMap map, StaffIdentity who, AdministrativeDivisions divisions, ImportOptions options)
{
    private readonly Dictionary<string, int> _codeRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string?, List<FieldError>)> _hours = new(StringComparer.Ordinal);

    public StationFields? Validate(int row, StationInput input, List<ImportProblem> errors)
    {
        // Files repeat a handful of opening-hours texts thousands of times: apply the station rule once per text.
        var (fields, fieldErrors) = StationValidator.Validate(input with { OpeningHours = null }, divisions, options.ProvinceMarginKm);
        var (hours, hoursErrors) = NormalizeHours(input.OpeningHours);
        fieldErrors.AddRange(hoursErrors);
        if (hoursErrors.Count > 0) fields = null;
        else if (fields is not null) fields = fields with { OpeningHours = hours };
        // An unreadable coordinate was already reported by the mapper; "required" on top of it would only confuse.
        var coordinateReported = errors.Any(e => e.Row == row && e.Code.StartsWith("coord_", StringComparison.Ordinal));
        foreach (var e in fieldErrors)
            if (!(coordinateReported && e.Field is "lng" or "lat" && e.Code == "required"))
                errors.Add(new ImportProblem(row, ColumnOf(e), e.Code, e.Message));

        // Adcode existence, the province check and every length come with the shared rules above; scope is the import's own.
        var adcode = (input.Adcode ?? "").Trim();
        if (adcode.Length == 6 && divisions.Exists(adcode) && !who.Covers(adcode))
            errors.Add(ImportProblem.Of(row, map.HeaderOf(ImportField.Adcode) ?? "", "out_of_scope", $"无权导入行政区 {adcode} 的站点（您的机构范围：{who.OrgAdcode}）",
                $"your organisation ({who.OrgAdcode}) may not import stations in {adcode}"));

        // Checked on every row, valid or not: the user should see all problems of a row at once.
        if (CellText.Clean(input.Code) is { } code && !_codeRows.TryAdd(code, row))
            errors.Add(ImportProblem.Of(row, map.HeaderOf(ImportField.Code) ?? "", "duplicate_code",
                $"站点编码与第 {_codeRows[code]} 行重复：{code}", $"code {code} already used in row {_codeRows[code]}"));
        return errors.Any(e => e.Row == row) ? null : fields;
    }

    private (string? Canonical, List<FieldError> Errors) NormalizeHours(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, []);
        if (_hours.TryGetValue(text, out var known)) return known;
        var errors = new List<FieldError>();
        var result = (StationHoursRules.Normalize(text, errors), errors);
        if (_hours.Count < 10_000) _hours[text] = result;
        return result;
    }

    private string CoordinateColumn() => map.HeaderOf(ImportField.Lng) is { } lng
        ? $"{lng},{map.HeaderOf(ImportField.Lat)}" : map.HeaderOf(ImportField.LngLat) ?? "";

    private string ColumnOf(FieldError e) => e.Field switch
    {
        "code" => Header(ImportField.Code, "code"),
        "name" => Header(ImportField.Name, "name"),
        "address" => Header(ImportField.Address, "address"),
        "adcode" => Header(ImportField.Adcode, "adcode"),
        "coordsys" => map.HeaderOf(ImportField.Coordsys) ?? "coordsys",
        "lng" => map.HeaderOf(ImportField.Lng) ?? Header(ImportField.LngLat, "lng"),
        "lat" when e.Code == "swapped" => CoordinateColumn(),
        "lat" => map.HeaderOf(ImportField.Lat) ?? Header(ImportField.LngLat, "lat"),
        "type" => Header(ImportField.Type, "type"),
        "status" => Header(ImportField.Status, "status"),
        "hostKind" => Header(ImportField.HostKind, "host_kind"),
        "services" => Header(ImportField.Services, "services"),
        "openingHours" => Header(ImportField.Hours, "hours"),
        "phone" => Header(ImportField.Phone, "phone"),
        "areaM2" => Header(ImportField.Area, "area"),
        "location" => CoordinateColumn(),
        "hostOrganization" => Header(ImportField.Host, "host"),
        "notes" => Header(ImportField.Notes, "notes"),
        _ when e.Field.StartsWith("photos", StringComparison.Ordinal) => Header(ImportField.Photos, "photos"),
        _ => e.Field,
    };

    private string Header(ImportField field, string fallback) => map.HeaderOf(field) ?? fallback;
}
