using StationMap.Common;
using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>Checks a <see cref="StationInput"/> field by field and reports every problem at once.</summary>
public static class StationValidator
{
    public const int MaxNameLength = 45; // Baidu's batch limit for titles
    public const int MaxAddressLength = 200;

    public static (StationFields? Fields, List<FieldError> Errors) Validate(StationInput input)
    {
        var errors = new List<FieldError>();
        var name = Required(input.Name, "name", "名称", MaxNameLength, errors);
        var address = Required(input.Address, "address", "地址", MaxAddressLength, errors);
        var adcode = (input.Adcode ?? "").Trim();
        if (adcode.Length != 6 || !adcode.All(char.IsAsciiDigit))
            errors.Add(FieldError.Of("adcode", "adcode_format", "行政区划代码须为6位数字", "adcode must be 6 digits"));
        var code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        if (code is { Length: > 32 })
            errors.Add(FieldError.Of("code", "too_long", "站点编码不能超过32个字符", "code must be at most 32 characters"));

        var coordsys = CoordSys.Wgs84;
        if (input.Coordsys is not null && !CoordSysNames.TryParse(input.Coordsys, out coordsys))
            errors.Add(FieldError.Of("coordsys", "invalid", $"坐标系无效，可选：{string.Join("、", CoordSysNames.All)}",
                $"unknown coordinate system; valid: {string.Join(", ", CoordSysNames.All)}"));
        var location = StationLocationRules.Check(input.Lng, input.Lat, coordsys, errors);

        var type = Parse(input.Type, StationType.Standard, "type", "站点类型", errors);
        var status = Parse(input.Status, StationStatus.Active, "status", "状态", errors);
        var hostKind = Parse(input.HostKind, HostKind.Other, "hostKind", "依托单位类型", errors);
        var services = StationServiceRules.Resolve(input.Services, errors);
        var hours = StationHoursRules.Normalize(input.OpeningHours, errors);

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = PhoneNumber.Normalize(input.Phone);
            if (phone is null)
                errors.Add(FieldError.Of("phone", "phone_format", "电话号码格式不正确（手机、带区号座机、400或95/96/10/11/12开头服务号）",
                    "not a valid phone number (mobile, landline with area code, 400 or 95/96/10/11/12 service number)"));
        }
        if (Trim(input.OtherServices) is { Length: > 200 })
            errors.Add(FieldError.Of("otherServices", "too_long", "其他服务不超过 200 个字", "otherServices may not exceed 200 characters"));
        if (input.AreaM2 is < 0 or > 100000)
            errors.Add(FieldError.Of("areaM2", "out_of_range", "面积须在0到100000平方米之间", "area must be between 0 and 100000 m²"));

        if (errors.Count > 0 || location is null) return (null, errors);
        var (submitted, wgs) = location.Value;
        return (new StationFields(code, name!, address!, adcode, submitted, wgs, type, input.AreaM2, services, hours,
            phone, Trim(input.HostOrganization), hostKind, input.IsPublic ?? true, status,
            input.Photos?.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList() ?? [],
            Trim(input.Notes)) { OtherServices = Trim(input.OtherServices), Accessible = input.Accessible }, errors);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Required(string? value, string field, string chinese, int max, List<FieldError> errors)
    {
        var v = Trim(value);
        if (v is null)
            errors.Add(FieldError.Of(field, "required", $"{chinese}不能为空", $"{field} is required"));
        else if (v.Length > max)
            errors.Add(FieldError.Of(field, "too_long", $"{chinese}不能超过{max}个字符（现为{v.Length}）",
                $"{field} must be at most {max} characters (has {v.Length})"));
        return v;
    }

    private static T Parse<T>(string? text, T fallback, string field, string chinese, List<FieldError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (EnumNames.TryParse<T>(text, out var value)) return value;
        var valid = string.Join(", ", EnumNames.All<T>());
        errors.Add(FieldError.Of(field, "invalid", $"{chinese}无效：'{text}'，可选：{valid}", $"unknown {field} '{text}'; valid: {valid}"));
        return fallback;
    }
}
