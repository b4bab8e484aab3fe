using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Audit;
using StationMap.Auth;
using StationMap.Data;
using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;
using StationMap.Feeds.Writers;
using StationMap.Orgs;
using StationMap.Publication;

namespace StationMap.Feeds.Export;

/// <summary>
/// Exports a profile for an area, full or incremental: streams the stations, writes the files, records the batch
/// and moves each station's publication record to "submitted" (or "withdrawn") — in one transaction.
/// </summary>
public sealed class FeedExporter
{
    private readonly StationMapDb? db;
    private readonly Npgsql.NpgsqlDataSource? dataSource;
    private readonly FeedProfileCatalog catalog;
    private readonly FeedOptions options;

    public FeedExporter(StationMapDb db, FeedProfileCatalog catalog, FeedOptions options) => (this.db, this.catalog, this.options) = (db, catalog, options);

    private FeedExporter(Npgsql.NpgsqlDataSource dataSource, FeedProfileCatalog catalog, FeedOptions options) =>
        (this.dataSource, this.catalog, this.options) = (dataSource, catalog, options);

    /// <summary>
    /// An exporter on plain connections from the data source, without a DbContext: the export path is plain SQL, and
    /// EF's services would make a fresh CLI process wait before the first connection opens.
    /// </summary>
    public static FeedExporter OnDataSource(Npgsql.NpgsqlDataSource dataSource, FeedProfileCatalog catalog, FeedOptions options) => new(dataSource, catalog, options);

    public async Task<ExportResult> ExportAsync(ExportRequest request, StaffIdentity who, CancellationToken ct = default)
    {
        using var activity = StationMapMetrics.Source.StartActivity("feeds.export");
        activity?.SetTag("profile", request.Profile);
        activity?.SetTag("adcode", request.Adcode);
        var started = TimeProvider.System.GetTimestamp();
        if (catalog.Find(request.Profile) is not { } profile)
            return ExportResult.Fail(ExportOutcome.ProfileNotFound, $"没有名为 {request.Profile} 的模板 / no profile named '{request.Profile}'");
        if (!FeedScope.IsAdcode(request.Adcode))
            return ExportResult.Fail(ExportOutcome.Invalid, $"adcode 须为6位数字 / adcode must be 6 digits: '{request.Adcode}'");
        if (!who.HasRole(StaffRole.Publisher) || !FeedScope.Covers(who, request.Adcode))
            return ExportResult.Fail(ExportOutcome.Forbidden,
                $"无权导出行政区 {request.Adcode}（您的机构范围：{who.OrgAdcode}）/ your organisation ({who.OrgAdcode}) may not export {request.Adcode}");

        var prefix = AdcodeScope.Prefix(request.Adcode);
        var incremental = request.Kind == ExportKind.Incremental;
        await using var own = dataSource?.CreateConnection();
        var conn = own ?? (Npgsql.NpgsqlConnection)db!.Database.GetDbConnection();
        Dictionary<long, SubmittedState> submitted;
        List<string> adcodes;
        Dictionary<long, string> orgs;
        FeedLookups lookups;
        // The stations are read on a second connection (same credentials), so the records can be written on this one
        // beside the stream. Both open at once, and the area's adcodes are read on the second while the submitted
        // states are read on this one.
        await using var reader = conn.CloneWith(conn.ConnectionString);
        await Task.WhenAll(own is not null ? own.OpenAsync(ct) : db!.Database.OpenConnectionAsync(ct), reader.OpenAsync(ct));
        var submittedRead = StationStream.SubmittedAsync(conn, prefix, profile.Provider, ct);
        // Only the workbook needs the area's adcodes (its summary sheet); the query is a parallel scan of the area.
        var adcodesRead = profile.IsXlsx ? StationStream.AdcodesAsync(reader, prefix, includeDeleted: incremental, ct) : Task.FromResult(new List<string>());
        await Task.WhenAll(submittedRead, adcodesRead);
        (submitted, adcodes) = (submittedRead.Result, adcodesRead.Result);
        orgs = await StationStream.OrganizationNamesAsync(conn, ct);
        lookups = FeedLookups.Default(orgs);

        // Records are written beside the stream on this connection, in the export's transaction.
        await using var tx = await conn.BeginTransactionAsync(ct);
        var latest = await BatchRows.LatestAsync(conn, profile.Id, request.Adcode, request.Kind, ct);
        var records = new SubmissionWriter(conn, profile, who.Actor, latest?.Id, ct);
        var selection = new FeedSelection(new FeedRowBuilder(profile, lookups), incremental, submitted, records.Add);
        var pending = Directory.CreateDirectory(Path.Combine(options.OutputFolder, $"pending-{Guid.NewGuid():N}")).FullName;
        var target = new FeedTarget(pending, $"{profile.Id}-{request.Adcode}-{request.Kind.ToString().ToLowerInvariant()}", incremental, adcodes);
        IReadOnlyList<WrittenFile> files;
        try
        {
            var ordered = StationStream.Read(reader, prefix, includeDeleted: incremental);
            // Synchronous streaming: the rows go from the data reader straight into the writer.
            files = await Task.Run(() => FeedWriters.Write(profile, lookups, selection.Items(ordered), target), ct);
            await records.CompleteAsync();
        }
        catch
        {
            await records.AbortAsync();
            Directory.Delete(pending, recursive: true);
            throw;
        }
        var result = await RecordAsync(conn, profile, request, selection, records, files, pending, who, ct);
        await tx.CommitAsync(ct);
        StationMapMetrics.ExportFinished(TimeProvider.System.GetElapsedTime(started), files.Sum(f => (long)f.Rows), profile.Id);
        return result;
    }

    private async Task<ExportResult> RecordAsync(Npgsql.NpgsqlConnection conn, FeedProfile profile, ExportRequest request, FeedSelection selection,
        SubmissionWriter records, IReadOnlyList<WrittenFile> files, string pending, StaffIdentity who, CancellationToken ct)
    {
        var last = await BatchRows.LatestAsync(conn, profile.Id, request.Adcode, request.Kind, ct);
        var same = last is not null && last.Rows == selection.Codes.Count && SameFiles(last.Files, files);
        var batch = same ? await BatchRows.FindAsync(conn, last!.Id, ct) : NewBatch(profile, request, selection, files, who);

        // A new batch takes the id reserved for its records, if one was.
        if (!same) await BatchRows.InsertAsync(conn, batch, records.Reserved ? records.BatchId : null, ct);
        await AuditWriter.WriteAsync(conn, null, AuditLog.Entry(who.Actor, same ? "export.repeated" : "export.created", $"{profile.Id}:{request.Adcode}",
            new { request.Kind, batch.Rows, selection.Added, selection.Changed, selection.Withdrawn, selection.Excluded }), ct);
        await records.MoveToAsync(batch.Id, ct);

        {
            var folder = ExportBatches.FolderOf(options, batch.Id);
            if (same) Directory.Delete(pending, recursive: true);
            else
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                Directory.Move(pending, folder);
            }
        }
        return new ExportResult(same ? ExportOutcome.Unchanged : ExportOutcome.Created, batch);
    }

    private static bool SameFiles(List<ExportFile> recorded, IReadOnlyList<WrittenFile> written) =>
        recorded.Count == written.Count && written.All(w => recorded.Any(r => r.Name == w.Name && r.Sha256 == w.Sha256));

    private static ExportBatch NewBatch(FeedProfile profile, ExportRequest request, FeedSelection selection, IReadOnlyList<WrittenFile> files, StaffIdentity who) => new()
    {
        Profile = profile.Id, Provider = profile.Provider, Adcode = request.Adcode, Kind = request.Kind,
        Rows = selection.Codes.Count, Added = selection.Added, Changed = selection.Changed, Withdrawn = selection.Withdrawn,
        Excluded = selection.Excluded, StationCodes = selection.Codes,
        Report = JsonSerializer.SerializeToDocument(selection.Report, ExportBatches.Json),
        CreatedAt = DateTimeOffset.UtcNow, CreatedBy = who.Actor,
        Files = files.Select(f => new ExportFile { Name = f.Name, Change = f.Change, Rows = f.Rows, Bytes = f.Bytes, Sha256 = f.Sha256 }).ToList(),
    };
}
