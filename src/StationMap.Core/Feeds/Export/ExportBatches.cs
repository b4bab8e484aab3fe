using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.Data;
using StationMap.Orgs;

namespace StationMap.Feeds.Export;

/// <summary>Reads recorded batches (only those inside the caller's area) and finds their kept files.</summary>
public sealed class ExportBatches(StationMapDb db, FeedOptions options)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<List<ExportBatch>> ListAsync(StaffIdentity who, int take, CancellationToken ct = default)
    {
        var prefix = AdcodeScope.Prefix(who.OrgAdcode);
        return db.Set<ExportBatch>().AsNoTracking().Include(b => b.Files).Where(b => b.Adcode.StartsWith(prefix))
            .OrderByDescending(b => b.Id).Take(take).ToListAsync(ct);
    }

    public async Task<ExportBatch?> FindAsync(long id, StaffIdentity who, CancellationToken ct = default)
    {
        var batch = await db.Set<ExportBatch>().AsNoTracking().Include(b => b.Files).FirstOrDefaultAsync(b => b.Id == id, ct);
        return batch is not null && FeedScope.Covers(who, batch.Adcode) ? batch : null;
    }

    /// <summary>The path of a recorded file of the batch, or null: only names the batch lists are served.</summary>
    public string? PathOf(ExportBatch batch, string name)
    {
        if (batch.Files.All(f => f.Name != name)) return null;
        var path = Path.Combine(FolderOf(options, batch.Id), name);
        return File.Exists(path) ? path : null;
    }

    public static string FolderOf(FeedOptions options, long batchId) => Path.Combine(options.OutputFolder, $"batch-{batchId:000000}");
}
