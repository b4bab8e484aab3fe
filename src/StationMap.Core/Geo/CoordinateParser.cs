namespace StationMap.Geo;

/// <summary>
/// Parses what staff type into longitude/latitude, or says precisely why not (<see cref="CoordErrorCodes"/>).
/// Accepts decimal degrees, degrees-minutes-seconds with or without symbols (° ′ ″ ' " 度 分 秒), hemisphere
/// letters N/S/E/W and 东经/北纬 prefixes, full-width digits and punctuation, stray spaces.
/// Values are degrees in whatever system the caller declares; nothing here converts.
/// </summary>
public static class CoordinateParser
{
    public static CoordParseResult<double> ParseLng(string? text) => ParseAxis(text, Axis.Lng);

    public static CoordParseResult<double> ParseLat(string? text) => ParseAxis(text, Axis.Lat);

    /// <summary>
    /// Two separate fields (the usual spreadsheet columns). Detects swapped columns: a latitude beyond ±90
    /// whose longitude is in 18..54 and which would be inside China swapped (or, with
    /// <paramref name="requireChina"/>, any pair outside China that is inside once swapped) → "swapped".
    /// </summary>
    public static CoordParseResult<LngLat> ParsePoint(string? lngText, string? latText, bool requireChina)
    {
        var lng = AngleParser.Parse(CoordTextNormalizer.Normalize(lngText), Axis.Lng);
        if (!lng.Ok) return lng.Error!;
        var lat = AngleParser.Parse(CoordTextNormalizer.Normalize(latText), Axis.Lat);
        if (!lat.Ok) return lat.Error!;
        if (lng.Value.Hint == Axis.Lat && lat.Value.Hint == Axis.Lng) return CoordErrorCodes.SwappedError();
        if (lng.Value.Hint == Axis.Lat) return CoordErrorCodes.WrongAxisError(Axis.Lng, lngText!);
        if (lat.Value.Hint == Axis.Lng) return CoordErrorCodes.WrongAxisError(Axis.Lat, latText!);
        return Validate(lng.Value.Value, lat.Value.Value, requireChina);
    }

    /// <summary>
    /// One field holding both numbers ("116.39,39.91", "39.91，116.39", "116.39 39.91", "39°54′N 116°23′E").
    /// <paramref name="order"/> says which comes first, unless both halves carry hemisphere marks.
    /// </summary>
    public static CoordParseResult<LngLat> ParsePair(string? text, AxisOrder order, bool requireChina = false)
    {
        var s = CoordTextNormalizer.Normalize(text);
        if (s.Length == 0) return CoordErrorCodes.EmptyError(Axis.Unknown);
        var halves = PairSplitter.Split(s);
        if (halves is null) return CoordErrorCodes.BadPairError(text!);
        var (firstAxis, secondAxis) = order == AxisOrder.LngLat ? (Axis.Lng, Axis.Lat) : (Axis.Lat, Axis.Lng);
        var first = AngleParser.Parse(halves.Value.First, firstAxis);
        if (!first.Ok) return first.Error!;
        var second = AngleParser.Parse(halves.Value.Second, secondAxis);
        if (!second.Ok) return second.Error!;

        var (a, b) = (first.Value, second.Value);
        if (a.Hint != Axis.Unknown && a.Hint == b.Hint) return CoordErrorCodes.WrongAxisError(secondAxis, text!);
        // Hemisphere marks beat the declared order: "39.9N,116.4E" is unambiguous.
        var lngFirst = a.Hint == Axis.Lng || b.Hint == Axis.Lat || (a.Hint == Axis.Unknown && b.Hint == Axis.Unknown && order == AxisOrder.LngLat);
        return lngFirst ? Validate(a.Value, b.Value, requireChina) : Validate(b.Value, a.Value, requireChina);
    }

    /// <summary>A Baidu Mercator pair "x,y" in metres (bd09mc): plain numbers within the Mercator square.</summary>
    public static CoordParseResult<LngLat> ParseMercatorPair(string? text)
    {
        var s = CoordTextNormalizer.Normalize(text);
        if (s.Length == 0) return CoordErrorCodes.EmptyError(Axis.Unknown);
        if (PairSplitter.Split(s) is not { } halves) return CoordErrorCodes.BadPairError(text!);
        const double limit = 20037508.35;
        double x = 0, y = 0;
        foreach (var (part, isX) in new[] { (halves.First, true), (halves.Second, false) })
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                return CoordErrorCodes.NotANumberError(Axis.Unknown, part);
            if (!double.IsFinite(v)) return CoordErrorCodes.NotFiniteError(Axis.Unknown, part);
            if (Math.Abs(v) > limit) return CoordErrorCodes.MercatorOutOfRangeError(v);
            if (isX) x = v; else y = v;
        }
        return CoordParseResult<LngLat>.Success(new LngLat(x, y));
    }

    private static CoordParseResult<double> ParseAxis(string? text, Axis axis)
    {
        var parsed = AngleParser.Parse(CoordTextNormalizer.Normalize(text), axis);
        if (!parsed.Ok) return parsed.Error!;
        var (value, hint) = parsed.Value;
        if (hint != Axis.Unknown && hint != axis) return CoordErrorCodes.WrongAxisError(axis, text!);
        if (!InRange(value, axis)) return CoordErrorCodes.OutOfRangeError(axis, value);
        return CoordParseResult<double>.Success(value);
    }

    private static CoordParseResult<LngLat> Validate(double lng, double lat, bool requireChina)
    {
        var swappedInChina = InRange(lat, Axis.Lng) && InRange(lng, Axis.Lat) && ChinaRegion.IsInsideChina(lat, lng);
        if (Math.Abs(lat) > 90 && lng >= 18 && lng <= 54 && swappedInChina) return CoordErrorCodes.SwappedError();
        if (!InRange(lng, Axis.Lng)) return CoordErrorCodes.OutOfRangeError(Axis.Lng, lng);
        if (!InRange(lat, Axis.Lat)) return CoordErrorCodes.OutOfRangeError(Axis.Lat, lat);
        if (requireChina && !ChinaRegion.IsInsideChina(lng, lat))
            return swappedInChina ? CoordErrorCodes.SwappedError() : CoordErrorCodes.OutsideChinaError(lng, lat);
        return CoordParseResult<LngLat>.Success(new LngLat(lng, lat));
    }

    private static bool InRange(double value, Axis axis) => Math.Abs(value) <= (axis == Axis.Lat ? 90 : 180);
}
