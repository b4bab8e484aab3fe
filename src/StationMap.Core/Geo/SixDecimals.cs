using System.Globalization;

namespace StationMap.Geo;

/// <summary>
/// A degree value written with exactly six decimals (about 0.1 m), as the map apps' links expect: the same text as
/// <c>ToString("F6", InvariantCulture)</c>, written from whole micro-degrees straight into the caller's buffer, so an
/// interpolated link formats its numbers without a string each.
/// </summary>
public readonly struct SixDecimals(double degrees) : ISpanFormattable
{
    private const long Scale = 1_000_000;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var scaled = Math.Abs(degrees) * Scale;
        // Near a half micro-degree the product's own rounding could tip the digit: those (and the absurd) go to "F6".
        if (!(scaled < 1e15) || Math.Abs(scaled - Math.Floor(scaled) - 0.5) < 1e-4)
            return degrees.TryFormat(destination, out charsWritten, "F6", CultureInfo.InvariantCulture);
        var micro = (ulong)Math.Round(scaled);
        // The sign is kept for values that round to zero, as "F6" does.
        var sign = double.IsNegative(degrees) ? 1 : 0;
        charsWritten = 0;
        if (destination.Length < sign + 8) return false;
        if (sign == 1) destination[0] = '-';
        if (!(micro / Scale).TryFormat(destination[sign..], out var whole, default, CultureInfo.InvariantCulture)) return false;
        var point = sign + whole;
        if (destination.Length < point + 7) return false;
        destination[point] = '.';
        (micro % Scale).TryFormat(destination[(point + 1)..], out _, "D6", CultureInfo.InvariantCulture);
        charsWritten = point + 7;
        return true;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, stackalloc char[32], $"{this}");
}
