using StationMap.Hours;
using StationMap.Nearby.Packed;
using StationMap.Stations;

namespace StationMap.Nearby;

/// <summary>A validated nearest query. The point is WGS-84 (converted at the edge).</summary>
public sealed record NearestRequest(
    double Lng,
    double Lat,
    int Limit,
    double? RadiusM,
    IReadOnlyList<string> Services,
    StationType? Type,
    bool OpenNowOnly,
    DateTimeOffset At,
    bool AccessibleOnly = false,
    HolidayCalendar? Holidays = null)
{
    public const int DefaultLimit = 5, MaxLimit = 50;
    public const double MaxRadiusM = 50_000;

    public int ServiceBits => ServiceMask.Of(Services);

    /// <summary>The public holidays PH rules are read by: the one given, else the shipped calendar.</summary>
    public HolidayCalendar Calendar => Holidays ?? HolidayCalendar.Shipped;

    /// <summary>The filters, with `at` turned into Beijing wall-clock time and its holiday status once (not per station).</summary>
    public NearestFilter Filter
    {
        get
        {
            var local = TimeZoneInfo.ConvertTime(At, ShanghaiTime.Zone).DateTime;
            return new(ServiceBits, Type, OpenNowOnly, AccessibleOnly, local, Calendar.DaysAt(local));
        }
    }

    /// <summary>The filters every path applies identically (distance aside). Unknown open-now (no hours, or a PH rule on a
    /// date the calendar does not cover) does not pass the open-now filter.</summary>
    public bool Accepts(NearbyStation s) =>
        (s.ServiceBits & ServiceBits) == ServiceBits
        && (Type is null || s.Type == Type)
        && (!OpenNowOnly || s.IsOpenAt(At, Calendar) == true)
        && (!AccessibleOnly || s.Accessible == true);
}

/// <summary>A request's filters, evaluated on table rows without allocating.</summary>
public readonly record struct NearestFilter(
    int ServiceBits, StationType? Type, bool OpenNowOnly, bool AccessibleOnly, DateTime ShanghaiAt, HolidayDays Days)
{
    /// <summary>No filter: every served station qualifies.</summary>
    public bool AcceptsAll => ServiceBits == 0 && Type is null && !OpenNowOnly && !AccessibleOnly;

    public bool Accepts(StationTable t, int row) => Accepts(t.Services[row], t.Type(row), t.Hours(row)?.Parsed, t.Accessible(row));

    public bool Accepts(int serviceBits, StationType type, OpeningHours? hours, bool? accessible) =>
        (serviceBits & ServiceBits) == ServiceBits
        && (Type is null || type == Type)
        && (!OpenNowOnly || hours?.IsOpenAtShanghai(ShanghaiAt, Days) == true)
        && (!AccessibleOnly || accessible == true);
}

/// <summary>One answer: the station and its spheroid distance in metres.</summary>
public readonly record struct NearestHit(StationRef Station, double DistanceM);
