using Microsoft.EntityFrameworkCore;
using StationMap.Data;
using StationMap.Divisions;
using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;
using StationMap.Orgs;
using StationMap.Stations;

namespace StationMap.Publication;

/// <summary>
/// Per district and provider: stations, public active, submitted, online, rejected, needs update, withdrawn, 上图率.
/// "Needs update" also counts submitted or online stations whose content changed (or that closed) since the batch —
/// worked out here from the content hash, without changing any record.
/// </summary>
public sealed class PublicationReport(StationMapDb db, FeedProfileCatalog catalog)
{
    private static readonly string[] MapProviders = ["amap", "baidu"];

    public async Task<PublicationSummary> SummaryAsync(string adcode, CancellationToken ct = default)
    {
        var prefix = AdcodeScope.Prefix(adcode);
        var stations = db.Stations.AsNoTracking().Where(s => s.Adcode.StartsWith(prefix));
        var counts = await stations.GroupBy(s => s.Adcode).Select(g => new
        {
            Adcode = g.Key, Total = g.Count(), Live = g.Count(s => s.IsPublic && s.Status == StationStatus.Active),
        }).ToListAsync(ct);
        var states = await (from r in db.Set<PublicationRecord>().AsNoTracking()
                            join s in stations on r.StationId equals s.Id
                            group r by new { s.Adcode, r.Provider, r.State, Live = s.IsPublic && s.Status == StationStatus.Active } into g
                            select new { g.Key.Adcode, g.Key.Provider, g.Key.State, g.Key.Live, Count = g.Count() }).ToListAsync(ct);
        var stale = await StaleAsync(stations, ct);

        var providers = MapProviders.Union(states.Select(s => s.Provider).Where(p => p != "geojson")).Order().ToList();
        var divisions = AdministrativeDivisions.LoadDefault();
        ProviderFigures Figures(string provider, Func<string, bool> inArea, int live)
        {
            int Sum(Func<PublicationState, bool> state, bool liveOnly = false) => states
                .Where(s => s.Provider == provider && inArea(s.Adcode) && state(s.State) && (!liveOnly || s.Live)).Sum(s => s.Count);
            var online = Sum(s => s == PublicationState.Online, liveOnly: true);
            var needs = Sum(s => s == PublicationState.NeedsUpdate) + stale.Count(x => x.Provider == provider && inArea(x.Adcode));
            return new ProviderFigures(provider,
                Sum(s => s is PublicationState.Submitted or PublicationState.Online or PublicationState.Rejected or PublicationState.NeedsUpdate),
                online, Sum(s => s == PublicationState.Rejected), needs, Sum(s => s == PublicationState.Withdrawn),
                live == 0 ? null : Math.Round((double)online / live, 4));
        }
        var districts = counts.OrderBy(c => c.Adcode).Select(c => new DistrictSummary(c.Adcode, divisions.Find(c.Adcode)?.Name ?? "", c.Total, c.Live,
            providers.Select(p => Figures(p, a => a == c.Adcode, c.Live)).ToList())).ToList();
        var live = counts.Sum(c => c.Live);
        var total = new DistrictSummary(adcode, adcode == "000000" ? "全国" : divisions.Find(adcode)?.Name ?? "", counts.Sum(c => c.Total), live,
            providers.Select(p => Figures(p, _ => true, live)).ToList());
        return new PublicationSummary(adcode, total, districts);
    }

    /// <summary>Submitted or online records whose station now emits different content, or should leave the map.</summary>
    private async Task<List<(string Provider, string Adcode)>> StaleAsync(IQueryable<Station> stations, CancellationToken ct)
    {
        var rows = (from r in db.Set<PublicationRecord>().AsNoTracking()
                    join s in stations on r.StationId equals s.Id
                    where r.State == PublicationState.Submitted || r.State == PublicationState.Online
                    select new { r.Provider, r.Profile, r.ContentHash, Station = s }).AsAsyncEnumerable();
        var builders = new Dictionary<string, FeedRowBuilder?>();
        var lookups = FeedLookups.Default();
        var stale = new List<(string, string)>();
        await foreach (var x in rows.WithCancellation(ct))
        {
            if (x.Profile is null) continue;
            if (!builders.TryGetValue(x.Profile, out var builder))
                builders[x.Profile] = builder = catalog.Find(x.Profile) is { } p ? new FeedRowBuilder(p, lookups) : null;
            if (builder is null) continue;
            var gone = FeedEligibility.NotPublishable(x.Station) is not null;
            if (gone || builder.Build(x.Station, lenient: true).Row?.Hash != x.ContentHash) stale.Add((x.Provider, x.Station.Adcode));
        }
        return stale;
    }
}
