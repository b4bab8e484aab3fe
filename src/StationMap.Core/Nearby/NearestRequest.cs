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
    bool AccessibleOnly = false)
{
    public const int DefaultLimit = 5, MaxLimit = 50;
    public const double MaxRadiusM = 50_000;

    public int ServiceBits => ServiceMask.Of(Services);

    /// <summary>The filters, with `at` turned into Beijing wall-clock time once (not per station).</summary>
    public NearestFilter Filter => new(ServiceBits, Type, OpenNowOnly, AccessibleOnly, TimeZoneInfo.ConvertTime(At, ShanghaiTime.Zone).DateTime);

    /// <summary>The filters every path applies identically (distance aside).</summary>
    public bool Accepts(NearbyStation s) =>
        (s.ServiceBits & ServiceBits) == ServiceBits
        && (Type is null || s.Type == Type)
        && (!OpenNowOnly || s.IsOpenAt(At) == true)
        && (!AccessibleOnly || s.Accessible == true);
}

/// <summary>A request's filters, evaluated on table rows without allocating.</summary>
public readonly record struct NearestFilter(int ServiceBits, StationType? Type, bool OpenNowOnly, bool AccessibleOnly, DateTime ShanghaiAt)
{
    /// <summary>No filter: every served station qualifies.</summary>
    public bool AcceptsAll => ServiceBits == 0 && Type is null && !OpenNowOnly && !AccessibleOnly;

    public bool Accepts(StationTable t, int row) => Accepts(t.Services[row], t.Type(row), t.Hours(row)?.Parsed, t.Accessible(row));

    public bool Accepts(int serviceBits, StationType type, OpeningHours? hours, bool? accessible) =>
        (serviceBits & ServiceBits) == ServiceBits
        && (Type is null || type == Type)
        && (!OpenNowOnly || hours?.IsOpenAtShanghai(ShanghaiAt) == true)
        && (!AccessibleOnly || accessible == true);
}

/// <summary>One answer: the station and its spheroid distance in metres.</summary>
public readonly record struct NearestHit(StationRef Station, double DistanceM);
