using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using StationMap.Data;

namespace StationMap.Stations;

/// <summary>Reads stations. Soft-deleted stations are invisible here (query filter).</summary>
public sealed class StationQuery(StationMapDb db)
{
    public Task<Station?> FindAsync(string code, CancellationToken ct = default) =>
        db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);

    public async Task<Paged<Station>> ListAsync(StationFilter f, CancellationToken ct = default)
    {
        var q = db.Stations.AsNoTracking();
        if (!string.IsNullOrEmpty(f.AdcodePrefix)) q = q.Where(s => s.Adcode.StartsWith(f.AdcodePrefix));
        if (f.Status is { } status) q = q.Where(s => s.Status == status);
        if (f.Type is { } type) q = q.Where(s => s.Type == type);
        if (f.PublicOnly) q = q.Where(s => s.IsPublic);
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var pattern = "%" + EscapeLike(f.Text.Trim()) + "%";
            q = q.Where(s => EF.Functions.ILike(s.Name, pattern, "\\") || EF.Functions.ILike(s.Address, pattern, "\\") || s.Code == f.Text.Trim());
        }
        if (f.Bbox is { } b)
        {
            var box = new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(new Envelope(b.MinLng, b.MaxLng, b.MinLat, b.MaxLat));
            q = q.Where(s => s.Location.Intersects(box));
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(s => s.Code).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<Station>(items, f.Page, f.PageSize, total);
    }

    public Task<List<StationHistory>> HistoryAsync(string code, CancellationToken ct = default) =>
        db.StationHistory.AsNoTracking().Where(h => h.Code == code).OrderBy(h => h.Version).ToListAsync(ct);

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
