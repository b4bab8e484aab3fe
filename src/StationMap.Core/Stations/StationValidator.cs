using StationMap.Common;
using StationMap.Divisions;
using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>
/// Checks a <see cref="StationInput"/> field by field and reports every problem at once. The one set of rules for
/// every way in: the API, the import's row validator and the console all come here, so what one accepts the others do.
/// </summary>
public static class StationValidator
{
    public const int MaxNameLength = StationLimits.PublishedName;
    public const int MaxAddressLength = StationLimits.Address;
    /// <summary>How far outside its province's box a point may lie (a border station, a rough box).</summary>
    public const double DefaultProvinceMarginKm = 5;

    public static (StationFields? Fields, List<FieldError> Errors) Validate(StationInput input) =>
        Validate(input, AdministrativeDivisions.LoadDefault(), DefaultProvinceMarginKm);

    public static (StationFields? Fields, List<FieldError> Errors) Validate(StationInput input, AdministrativeDivisions divisions, double provinceMarginKm)
    {
        var errors = new List<FieldError>();
        var name = Required(input.Name, "name", "名称", MaxNameLength, errors);
        var address = Required(input.Address, "address", "地址", MaxAddressLength, errors);
        var adcode = (input.Adcode ?? "").Trim();
        var adcodeWellFormed = adcode.Length == StationLimits.Adcode && adcode.All(char.IsAsciiDigit);
        if (!adcodeWellFormed)
            errors.Add(FieldError.Of("adcode", "adcode_format", "行政区划代码须为6位数字", "adcode must be 6 digits"));
        else if (!divisions.Exists(adcode))
            errors.Add(FieldError.Of("adcode", "adcode_unknown", $"行政区划代码不存在：{adcode}", $"no such administrative division: {adcode}"));
        var code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        if (code is { Length: > StationLimits.Code })
            errors.Add(FieldError.Of("code", "too_long", $"站点编码不能超过{StationLimits.Code}个字符", $"code must be at most {StationLimits.Code} characters"));
        else if (code is not null && !StationTextRules.IsValidCode(code))
            errors.Add(FieldError.Of("code", "code_format", "站点编码只能包含字母、数字、'_' 和 '-'",
                "code may contain only letters, digits, '_' and '-'"));

        var coordsys = CoordSys.Wgs84;
        if (input.Coordsys is not null && !CoordSysNames.TryParse(input.Coordsys, out coordsys))
            errors.Add(FieldError.Of("coordsys", "invalid", $"坐标系无效：{input.Coordsys}，可选：{CoordSysNames.AcceptedZh}",
                $"unknown coordinate system '{input.Coordsys}'; valid: {CoordSysNames.AcceptedEn}"));
        var location = StationLocationRules.Check(input.Lng, input.Lat, coordsys, errors);
        if (location is { } l && adcodeWellFormed && divisions.Exists(adcode)
            && !divisions.IsNearProvince(adcode, l.Wgs84.Lng, l.Wgs84.Lat, provinceMarginKm))
            errors.Add(FieldError.Of("location", "outside_province",
                $"坐标不在{divisions.ProvinceName(adcode) ?? "该行政区所属省份"}范围内（请核对经纬度、坐标系和区划代码）",
                $"the point is not in the province of adcode {adcode} (check the coordinates, coordinate system and adcode)"));

        var type = Parse(input.Type, StationType.Standard, "type", "站点类型", errors);
        var status = Parse(input.Status, StationStatus.Active, "status", "状态", errors);
        var hostKind = Parse(input.HostKind, HostKind.Other, "hostKind", "依托单位类型", errors);
        var services = StationServiceRules.Resolve(input.Services, errors);
        var hours = StationHoursRules.Normalize(input.OpeningHours, errors);

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone) && StationTextRules.CheckCharacters(input.Phone, "phone", errors))
        {
            phone = PhoneNumber.Normalize(input.Phone);
            if (phone is null)
                errors.Add(FieldError.Of("phone", "phone_format", "电话号码格式不正确（手机、带区号座机、400或95/96/10/11/12开头服务号）",
                    "not a valid phone number (mobile, landline with area code, 400 or 95/96/10/11/12 service number)"));
            else if (phone.Length > StationLimits.Phone)
                errors.Add(FieldError.Of("phone", "too_long", $"电话不能超过{StationLimits.Phone}个字符（现为{phone.Length}）",
                    $"phone must be at most {StationLimits.Phone} characters (has {phone.Length})"));
        }
        var otherServices = StationTextRules.Optional(input.OtherServices, "otherServices", "其他服务", StationLimits.OtherServices, errors);
        StationTextRules.CheckNotFormula(otherServices, "otherServices", "其他服务", errors);
        if (input.AreaM2 is < 0 or > 100000)
            errors.Add(FieldError.Of("areaM2", "out_of_range", "面积须在0到100000平方米之间", "area must be between 0 and 100000 m²"));
        var host = StationTextRules.Optional(input.HostOrganization, "hostOrganization", "依托单位", StationLimits.HostOrganization, errors);
        StationTextRules.CheckNotFormula(host, "hostOrganization", "依托单位", errors);
        var notes = StationTextRules.Optional(input.Notes, "notes", "备注", StationLimits.Notes, errors, multiline: true);
        StationTextRules.Optional(input.Reason, "reason", "修改原因", StationLimits.Reason, errors, multiline: true);
        var photos = StationPhotoRules.Check(input.Photos, errors);

        if (errors.Count > 0 || location is null) return (null, errors);
        var (submitted, wgs) = location.Value;
        return (new StationFields(code, name!, address!, adcode, submitted, wgs, type, input.AreaM2, services, hours,
            phone, host, hostKind, input.IsPublic ?? true, status, photos, notes) { OtherServices = otherServices, Accessible = input.Accessible }, errors);
    }

    /// <summary>Name and address: present, within their length, and not formula-shaped (they go to every feed).</summary>
    private static string? Required(string? value, string field, string chinese, int max, List<FieldError> errors)
    {
        var v = StationTextRules.Optional(value, field, chinese, max, errors);
        if (v is null)
            errors.Add(FieldError.Of(field, "required", $"{chinese}不能为空", $"{field} is required"));
        StationTextRules.CheckNotFormula(v, field, chinese, errors);
        return v;
    }

    private static T Parse<T>(string? text, T fallback, string field, string chinese, List<FieldError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (EnumNames.TryParse<T>(text, out var value)) return value;
        var valid = string.Join(", ", EnumNames.All<T>());
        var shown = StationTextRules.Echo(text);
        errors.Add(FieldError.Of(field, "invalid", $"{chinese}无效：'{shown}'，可选：{valid}", $"unknown {field} '{shown}'; valid: {valid}"));
        return fallback;
    }
}
