using StationMap.Common;

namespace StationMap.Stations;

/// <summary>Photos are links shown on pages: bounded in number and length, http(s) only (no javascript: or data: URLs).</summary>
internal static class StationPhotoRules
{
    public static List<string> Check(IReadOnlyCollection<string>? photos, List<FieldError> errors)
    {
        var list = photos?.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList() ?? [];
        if (list.Count > StationLimits.Photos)
        {
            errors.Add(FieldError.Of("photos", "too_many", $"照片最多{StationLimits.Photos}张（现为{list.Count}）",
                $"at most {StationLimits.Photos} photos (has {list.Count})"));
            return list;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var url = list[i];
            var field = $"photos[{i}]";
            if (url.Length > StationLimits.PhotoUrl)
                errors.Add(FieldError.Of(field, "too_long", $"照片链接不能超过{StationLimits.PhotoUrl}个字符", $"a photo URL must be at most {StationLimits.PhotoUrl} characters"));
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || StationTextRules.BadCharacterAt(url) >= 0)
                errors.Add(FieldError.Of(field, "invalid_url", $"照片须为 http(s) 链接：'{StationTextRules.Echo(url)}'",
                    $"a photo must be an http(s) URL: '{StationTextRules.Echo(url)}'"));
        }
        return list;
    }
}
