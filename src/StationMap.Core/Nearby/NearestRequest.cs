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
    DateTimeOffset At)
{
    public const int DefaultLimit = 5, MaxLimit = 50;
    public const double MaxRadiusM = 50_000;

    public int ServiceBits { get; } = ServiceMask.Of(Services);

    /// <summary>The filters every path applies identically (distance aside).</summary>
    public bool Accepts(NearbyStation s) =>
        (s.ServiceBits & ServiceBits) == ServiceBits
        && (Type is null || s.Type == Type)
        && (!OpenNowOnly || s.IsOpenAt(At) == true);
}

/// <summary>One answer: the station and its spheroid distance in metres.</summary>
public sealed record NearestHit(NearbyStation Station, double DistanceM);
