using StationMap.Hours;
using StationMap.Stations;

namespace StationMap.Nearby.Packed;

/// <summary>One row of a <see cref="StationTable"/>; strings are decoded only when asked for.</summary>
public readonly struct StationRef(StationTable table, int row)
{
    public StationTable Table => table;
    public int Row => row;

    public long Id => table.Ids[row];
    public double Lng => table.Lngs[row];
    public double Lat => table.Lats[row];
    public StationType Type => table.Type(row);
    public int ServiceBits => table.Services[row];
    public IReadOnlyList<string> Services => ServiceMask.SharedCodes(ServiceBits);
    public string Code => table.Text.String(table.Codes[row])!;
    public string Name => table.Text.String(table.Names[row])!;
    public string Address => table.Text.String(table.Addresses[row])!;
    public string? Phone => table.Text.String(table.Phones[row]);
    public bool? Accessible => table.Accessible(row);
    public string? OpeningHoursText => table.Hours(row)?.Text;
    public OpeningHours? Hours => table.Hours(row)?.Parsed;

    public ReadOnlySpan<byte> CodeUtf8 => table.Text.Utf8(table.Codes[row]);
    public ReadOnlySpan<byte> NameUtf8 => table.Text.Utf8(table.Names[row]);
    public ReadOnlySpan<byte> AddressUtf8 => table.Text.Utf8(table.Addresses[row]);
    public bool HasPhone => table.Phones[row] >= 0;
    public ReadOnlySpan<byte> PhoneUtf8 => table.Text.Utf8(table.Phones[row]);

    /// <summary>Open at that instant; null when the hours are unknown or unreadable, or depend on a holiday the calendar does not know.</summary>
    public bool? IsOpenAt(DateTimeOffset at, HolidayCalendar calendar) => Hours?.IsOpenAt(at, calendar);

    /// <summary>Same, for a Beijing wall-clock time and its holiday status computed once per request.</summary>
    public bool? IsOpenAtShanghai(DateTime local, HolidayDays days) => Hours?.IsOpenAtShanghai(local, days);
}
