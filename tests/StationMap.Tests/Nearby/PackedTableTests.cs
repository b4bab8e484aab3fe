using StationMap.Geo;
using StationMap.Hours;
using StationMap.Nearby;
using StationMap.Nearby.Packed;
using StationMap.Stations;

namespace StationMap.Tests.Nearby;

public class PackedTableTests
{
    [Fact]
    public void Text_comes_back_as_written_and_repeated_text_is_stored_once()
    {
        var arena = new TextArenaBuilder(16);
        var a = arena.Add("北京市海淀区中关村大街1号", intern: true);
        var b = arena.Add("北京市海淀区中关村大街1号", intern: true);
        var c = arena.Add(new string('x', 300), intern: true); // two-byte length prefix
        var d = arena.Add((string?)null, intern: true);
        var e = arena.Add("", intern: false);
        var text = arena.Build();
        Assert.Equal(a, b);
        Assert.Equal("北京市海淀区中关村大街1号", text.String(a));
        Assert.Equal(new string('x', 300), text.String(c));
        Assert.Null(text.String(d));
        Assert.Equal("", text.String(e));
    }

    [Fact]
    public void Interning_survives_many_distinct_strings()
    {
        var arena = new TextArenaBuilder();
        var offsets = Enumerable.Range(0, 5000).Select(i => arena.Add($"站点{i}", intern: true)).ToList();
        var again = Enumerable.Range(0, 5000).Select(i => arena.Add($"站点{i}", intern: true)).ToList();
        Assert.Equal(offsets, again);
        var text = arena.Build();
        Assert.Equal("站点4321", text.String(offsets[4321]));
    }

    [Fact]
    public void A_row_reads_back_every_field()
    {
        var table = Table(Station(7, "BJ-1", phone: null, hours: "Mo-Fr 08:00-18:00"), Station(8, "BJ-2", phone: "010-12345678", hours: null));
        var first = table[0];
        Assert.Equal(7, first.Id);
        Assert.Equal("BJ-1", first.Code);
        Assert.Equal("驿站BJ-1", first.Name);
        Assert.Null(first.Phone);
        Assert.False(first.HasPhone);
        Assert.Equal("Mo-Fr 08:00-18:00", first.OpeningHoursText);
        Assert.Equal(["water", "microwave"], first.Services);
        Assert.Equal(StationType.Micro, first.Type);
        Assert.True(first.IsOpenAt(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)), HolidayCalendar.Shipped));
        Assert.False(first.IsOpenAt(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(8)), HolidayCalendar.Shipped));
        Assert.Equal("010-12345678", table[1].Phone);
        Assert.Null(table[1].IsOpenAt(DateTimeOffset.UtcNow, HolidayCalendar.Shipped));
    }

    [Fact]
    public void Step_free_reads_back_as_yes_no_or_unknown_also_after_a_row_is_copied()
    {
        var table = Table(Station(1, "A", accessible: true), Station(2, "B", accessible: false), Station(3, "C"));
        Assert.Equal([true, false, null], Enumerable.Range(0, 3).Select(i => table[i].Accessible));
        var copy = new StationTableBuilder(3);
        for (var i = 0; i < 3; i++) copy.Add(table[i]);
        var copied = copy.Build();
        Assert.Equal([true, false, null], Enumerable.Range(0, 3).Select(i => copied[i].Accessible));
    }

    [Fact]
    public void Incremental_changes_replace_remove_and_add_rows()
    {
        var holder = new NearbyIndexHolder();
        holder.ReplaceAll([Station(1, "A"), Station(2, "B"), Station(3, "C")]);
        var index = holder.Apply([Station(2, "B2"), Station(4, "D")], [3]);
        var codes = Enumerable.Range(0, index.Count).Select(i => index.Table[i].Code).Order().ToList();
        Assert.Equal(["A", "B2", "D"], codes);
        Assert.Same(index, holder.Current!.Index);
    }

    [Fact]
    public void The_index_returns_the_true_k_nearest_by_spheroid_distance()
    {
        var rng = new Random(5);
        var stations = Enumerable.Range(0, 3000)
            .Select(i => Station(i, $"S{i:D5}", lng: 116 + rng.NextDouble(), lat: 39.5 + rng.NextDouble(),
                services: rng.Next(2) == 0 ? ["water"] : ["water", "toilet"], hours: rng.Next(3) == 0 ? "Mo-Fr 08:00-18:00" : "24/7",
                accessible: (i % 3) switch { 0 => true, 1 => false, _ => null }))
            .ToList();
        var index = new NearbyIndex(stations);
        for (var i = 0; i < 200; i++)
        {
            var request = new NearestRequest(116 + rng.NextDouble(), 39.5 + rng.NextDouble(), rng.Next(1, 30), rng.Next(3) == 0 ? rng.Next(500, 5000) : null,
                rng.Next(2) == 0 ? [] : ["toilet"], null, rng.Next(2) == 0, new DateTimeOffset(2026, 11, 28 + rng.Next(2), rng.Next(24), 0, 0, TimeSpan.FromHours(8)),
                AccessibleOnly: rng.Next(3) == 0);
            var truth = stations.Where(request.Accepts)
                .Select(s => (s.Code, M: SpheroidDistance.Metres(request.Lng, request.Lat, s.Lng, s.Lat)))
                .Where(s => request.RadiusM is null || s.M <= request.RadiusM)
                .OrderBy(s => s.M).ThenBy(s => s.Code, StringComparer.Ordinal).Take(request.Limit).ToList();
            var hits = index.Search(request);
            Assert.Equal(truth.Select(t => t.Code), hits.Select(h => h.Station.Code));
            Assert.Equal(truth.Select(t => t.M), hits.Select(h => h.DistanceM));
        }
    }

    private static StationTable Table(params NearbyStation[] stations)
    {
        var rows = new StationTableBuilder(1, new HoursCache());
        foreach (var s in stations) rows.Add(s);
        return rows.Build();
    }

    private static NearbyStation Station(long id, string code, string? phone = "12345", string? hours = "24/7",
        double lng = 116.4, double lat = 39.9, string[]? services = null, bool? accessible = null)
    {
        var parsed = hours is null ? null : OpeningHours.Parse(hours);
        return new NearbyStation(id, code, $"驿站{code}", "北京市东城区", lng, lat, StationType.Micro,
            ServiceMask.SharedCodes(ServiceMask.Of(services ?? ["microwave", "water"])), hours, parsed, phone, accessible);
    }
}
