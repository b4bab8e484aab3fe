using Microsoft.EntityFrameworkCore;
using StationMap.Data;

namespace StationMap.Stations;

/// <summary>Reads stations. Soft-deleted stations are invisible here (query filter).</summary>
public sealed class StationQuery(StationMapDb db)
{
    /// <summary>A count stops here: an exact count of a broad text search costs a scan of every match.</summary>
    public const int CountCap = 1000;

    public Task<Station?> FindAsync(string code, CancellationToken ct = default) =>
        db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);

    /// <summary>The station a code names, deleted or not (history outlives the station).</summary>
    public Task<Station?> FindAnyAsync(string code, CancellationToken ct = default) =>
        db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => s.Code == code).OrderBy(s => s.DeletedAt != null).FirstOrDefaultAsync(ct);

    public async Task<Paged<Station>> ListAsync(StationFilter f, CancellationToken ct = default)
    {
        var q = db.Stations.AsNoTracking();
        if (f.Bbox is { } b)
        {
            // Edges are parallels and meridians (a planar box in degrees), not great circles: cast to geometry.
            // The expression index on location::geometry serves it.
            q = db.Stations.FromSql($"""
                SELECT * FROM stations
                WHERE ST_Intersects(location::geometry, ST_MakeEnvelope({b.MinLng}, {b.MinLat}, {b.MaxLng}, {b.MaxLat}, 4326))
                """).AsNoTracking();
        }
        if (!string.IsNullOrEmpty(f.AdcodePrefix)) q = q.Where(s => s.Adcode.StartsWith(f.AdcodePrefix));
        if (f.Status is { } status) q = q.Where(s => s.Status == status);
        if (f.Type is { } type) q = q.Where(s => s.Type == type);
        if (f.PublicOnly) q = q.Where(s => s.IsPublic);
        else if (f.NonPublicScopePrefix is { Length: > 0 } scope) q = q.Where(s => s.IsPublic || s.Adcode.StartsWith(scope));
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var text = f.Text.Trim();
            var pattern = "%" + EscapeLike(text) + "%";
            // ILIKE '%…%' on name and address is served by their trigram (pg_trgm) indexes (text of 3+ characters).
            q = q.Where(s => EF.Functions.ILike(s.Name, pattern, "\\") || EF.Functions.ILike(s.Address, pattern, "\\") || s.Code == text);
        }
        // Count at most a little past this page (and at least past CountCap), so "next page" stays right and a
        // broad search does not count every match.
        var skip = (f.Page - 1) * f.PageSize;
        var cap = Math.Max(CountCap, skip + f.PageSize * 10);
        var counted = await q.Select(s => s.Id).Take(cap + 1).CountAsync(ct);
        var items = await q.OrderBy(s => s.Code).Skip(skip).Take(f.PageSize).ToListAsync(ct);
        return new Paged<Station>(items, f.Page, f.PageSize, Math.Min(counted, cap), counted > cap);
    }

    public Task<List<StationHistory>> HistoryAsync(string code, CancellationToken ct = default) =>
        db.StationHistory.AsNoTracking().Where(h => h.Code == code).OrderBy(h => h.Version).ToListAsync(ct);

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
