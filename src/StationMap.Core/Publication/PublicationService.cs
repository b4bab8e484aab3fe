using Microsoft.EntityFrameworkCore;
using StationMap.Audit;
using StationMap.Import;
using StationMap.Auth;
using StationMap.Data;
using StationMap.Feeds.Profiles;
using StationMap.Orgs;
using StationMap.Stations;

namespace StationMap.Publication;

public enum PublicationOutcome { Ok, NotFound, Invalid, Forbidden }

public sealed record PublicationResult(PublicationOutcome Outcome, PublicationRecord? Record = null, string? Message = null);

/// <summary>Changes publication status: by hand, or from a provider's result file (matched by code, then by name — as
/// stored or as the provider's profiles submitted it, see <see cref="SubmittedNames"/>).</summary>
public sealed class PublicationService(StationMapDb db, ImportOptions options, FeedProfileCatalog catalog)
{
    public async Task<PublicationResult> SetAsync(string code, string provider, PublicationUpdate update, StaffIdentity who, CancellationToken ct = default)
    {
        if (!PublicationStates.TryParse(update.State, out var state))
            return new(PublicationOutcome.Invalid, Message: $"未知状态 / unknown state '{update.State}' (not_submitted, submitted, online, rejected, needs_update, withdrawn)");
        var station = await db.Stations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);
        // A hidden (non-public or deleted) station of another area answers exactly like a missing code: its existence
        // and district are internal to its area. A public one may say "not yours": that it exists is public anyway.
        if (station is null || !StationVisibility.MayKnow(who, station))
            return new(PublicationOutcome.NotFound, Message: $"没有编码为 {StationTextRules.Echo(code)} 的站点 / no station with code {StationTextRules.Echo(code)}");
        if (!who.Covers(station.Adcode))
            return new(PublicationOutcome.Forbidden, Message: $"无权修改行政区 {station.Adcode} 的站点（您的机构范围：{who.OrgAdcode}）/ your organisation ({who.OrgAdcode}) may not change stations in {station.Adcode}");
        var record = await RecordFor(station, provider.ToLowerInvariant(), ct);
        Apply(record, state, update.ProviderPoiId, update.Reason, who.Actor);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditWriter.WriteAsync(db, AuditLog.Entry(who.Actor, "publication.set", $"{code}:{record.Provider}", new { State = state.Wire(), update.ProviderPoiId, update.Reason }), ct);
        await tx.CommitAsync(ct);
        return new(PublicationOutcome.Ok, record);
    }

    public async Task<ResultImportReport> ImportAsync(Stream file, string fileName, string provider, StaffIdentity who, CancellationToken ct = default)
    {
        provider = provider.ToLowerInvariant();
        var rows = ResultFileReader.Read(file, fileName, options);
        var prefix = AdcodeScope.Prefix(who.OrgAdcode);
        var inScope = db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => s.Adcode.StartsWith(prefix));
        var codes = rows.Where(r => r.Code is not null).Select(r => r.Code!).Distinct().ToList();
        var submittedNames = SubmittedNames.For(catalog, provider);
        var names = rows.Where(r => r.Code is null && r.Name is not null).SelectMany(r => submittedNames.Candidates(r.Name!)).Distinct().ToList();
        var byCode = await inScope.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
        var byName = (await inScope.Where(s => s.DeletedAt == null && names.Contains(s.Name)).ToListAsync(ct)).ToLookup(s => s.Name);

        var unmatched = new List<UnmatchedRow>();
        var matched = 0;
        foreach (var row in rows)
        {
            var (station, problem) = Match(row, byCode, byName, submittedNames);
            var state = PublicationState.Online;
            if (station is not null && row.Status is not null && !PublicationStates.TryParse(row.Status, out state))
                problem = $"未知状态 / unknown status '{row.Status}'";
            else if (station is not null && row.Status is null && row.PoiId is null)
                problem = "既无状态也无POI编号 / neither a status nor a POI id";
            if (problem is not null)
            {
                unmatched.Add(new UnmatchedRow(row.Row, row.Code, row.Name, problem));
                continue;
            }
            matched++;
            Apply(await RecordFor(station!, provider, ct), state, row.PoiId, row.Reason, who.Actor);
        }
        var updated = db.ChangeTracker.Entries<PublicationRecord>().Count(e => e.State is EntityState.Added or EntityState.Modified);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditWriter.WriteAsync(db, AuditLog.Entry(who.Actor, "publication.import", $"{provider}:{fileName}", new { Rows = rows.Count, matched, updated, Unmatched = unmatched.Count }), ct);
        await tx.CommitAsync(ct);
        return new ResultImportReport(provider, rows.Count, matched, updated, unmatched);
    }

    private static (Station?, string?) Match(ResultRow row, Dictionary<string, Station> byCode, ILookup<string, Station> byName, SubmittedNames submittedNames)
    {
        if (row.Code is not null)
            return byCode.TryGetValue(row.Code, out var s) ? (s, null) : (null, $"编码不存在或不在您的范围内 / no station with code {row.Code} in your area");
        if (row.Name is null) return (null, "缺少站点编码和名称 / neither station code nor name");
        // The stored name and the name without the keyword suffix together must point to one station: "A（工会驿站）" is
        // ambiguous when both "A" and "A（工会驿站）" exist, since both were submitted under that name.
        var candidates = submittedNames.Candidates(row.Name).SelectMany(n => byName[n]).DistinctBy(s => s.Id).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var codes = string.Join("、", candidates.Take(5).Select(s => s.Code)) + (candidates.Count > 5 ? "…" : "");
        return candidates.Count switch
        {
            1 => (candidates[0], null),
            0 => (null, $"名称不存在或不在您的范围内 / no station named '{row.Name}' in your area"),
            _ => (null, $"名称“{row.Name}”对应{candidates.Count}个站点（{codes}），请用站点编码 / {candidates.Count} stations match the name '{row.Name}' ({codes}): use the code"),
        };
    }

    private async Task<PublicationRecord> RecordFor(Station station, string provider, CancellationToken ct)
    {
        var record = db.ChangeTracker.Entries<PublicationRecord>().Select(e => e.Entity).FirstOrDefault(r => r.StationId == station.Id && r.Provider == provider)
            ?? await db.Set<PublicationRecord>().FirstOrDefaultAsync(r => r.StationId == station.Id && r.Provider == provider, ct);
        if (record is not null) return record;
        record = new PublicationRecord { StationId = station.Id, StationCode = station.Code, Provider = provider, UpdatedBy = "" };
        db.Add(record);
        return record;
    }

    private static void Apply(PublicationRecord record, PublicationState state, string? poiId, string? reason, string actor)
    {
        if (record.State == state && (poiId is null || poiId == record.ProviderPoiId) && reason == record.Reason) return;
        record.State = state;
        if (poiId is not null) record.ProviderPoiId = poiId;
        record.Reason = reason;
        record.UpdatedAt = DateTimeOffset.UtcNow;
        record.UpdatedBy = actor;
    }
}
