using StationMap.Hours;
using StationMap.Stations;

namespace StationMap.Nearby;

/// <summary>What a nearest answer needs of one active, public station; kept in memory by the index.</summary>
public sealed record NearbyStation(
    long Id,
    string Code,
    string Name,
    string Address,
    double Lng,
    double Lat,
    StationType Type,
    IReadOnlyList<string> Services,
    string? OpeningHoursText,
    OpeningHours? Hours,
    string? Phone,
    bool? Accessible = null)
{
    public int ServiceBits { get; } = ServiceMask.Of(Services);

    /// <summary>Open at that instant; null when the hours are unknown or unreadable, or depend on a holiday the calendar does not know.</summary>
    public bool? IsOpenAt(DateTimeOffset at, HolidayCalendar calendar) => Hours?.IsOpenAt(at, calendar);
}
