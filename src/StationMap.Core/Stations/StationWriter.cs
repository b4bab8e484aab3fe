using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using StationMap.Audit;
using StationMap.Auth;
using StationMap.Data;
using StationMap.Mapping;

namespace StationMap.Stations;

/// <summary>
/// Creates, replaces, soft-deletes and restores stations. Every write checks the caller's scope, bumps the
/// version, keeps the new version in the history and leaves an audit row — in one transaction.
/// </summary>
public sealed class StationWriter(StationMapDb db)
{
    public async Task<StationWriteResult> CreateAsync(StationInput input, StaffIdentity who, CancellationToken ct = default)
    {
        var (fields, errors) = StationValidator.Validate(input);
        if (fields is null) return StationWriteResult.Invalid(errors);
        if (!who.Covers(fields.Adcode)) return OutOfScope(who, fields.Adcode);
        if (fields.Code is not null && await db.Stations.IgnoreQueryFilters().AnyAsync(s => s.Code == fields.Code, ct))
            return StationWriteResult.Duplicate(fields.Code);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var station = new Station
        {
            Code = fields.Code ?? await StationCodes.NextAsync(db, fields.Adcode, ct),
            Name = fields.Name, Address = fields.Address, Adcode = fields.Adcode, Location = Point.Empty,
            CreatedAt = now, CreatedBy = who.Actor, UpdatedAt = now, UpdatedBy = who.Actor, Version = 1,
        };
        fields.ApplyTo(station);
        station.ManagingOrgId = (await Orgs.OrganizationDirectory.FindOrCreateAsync(db, fields.Adcode, ct)).Id;
        db.Stations.Add(station);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (StationDbErrors.Find(e) is { } pg && StationDbErrors.IsInputError(pg))
        {
            // Two creates of one new code: both passed the check above, the unique index lets one through.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation
                ? StationWriteResult.Duplicate(station.Code) : StationWriteResult.Invalid([StationDbErrors.ToFieldError(pg)]);
        }
        await RecordAsync(station, ChangeKind.Created, who, input.Reason, ct);
        await tx.CommitAsync(ct);
        return new StationWriteResult(WriteOutcome.Created, station);
    }

    public async Task<StationWriteResult> UpdateAsync(string code, StationInput input, StaffIdentity who, CancellationToken ct = default)
    {
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Code == code, ct);
        if (station is null || !StationVisibility.MayKnow(who, station)) return StationWriteResult.NotFound; // another area's hidden station: as if missing
        if (!who.Covers(station.Adcode)) return OutOfScope(who, station.Adcode);
        if (input.Version is null)
            return StationWriteResult.Invalid([Common.FieldError.Of("version", "required", "更新时必须提供版本号 version", "version is required on update")]);
        if (input.Version != station.Version) return Stale(station, input.Version.Value);

        var (fields, errors) = StationValidator.Validate(input with { Code = code });
        if (fields is null) return StationWriteResult.Invalid(errors);
        if (!who.Covers(fields.Adcode)) return OutOfScope(who, fields.Adcode);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        fields.ApplyTo(station);
        return await SaveChangeAsync(station, ChangeKind.Updated, who, input.Reason, tx, ct);
    }

    public async Task<StationWriteResult> DeleteAsync(string code, int? version, string? reason, StaffIdentity who, CancellationToken ct = default)
    {
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Code == code, ct);
        if (station is null || !StationVisibility.MayKnow(who, station)) return StationWriteResult.NotFound; // another area's hidden station: as if missing
        if (!who.Covers(station.Adcode)) return OutOfScope(who, station.Adcode);
        // A delete without the version the caller saw could remove a station someone has just corrected.
        if (version is null) return StationWriteResult.VersionRequired;
        if (version != station.Version) return Stale(station, version.Value);
        if (ReasonErrors(reason, "删除原因") is { } deleteReason) return StationWriteResult.Invalid(deleteReason);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        station.DeletedAt = DateTimeOffset.UtcNow;
        station.DeletedBy = who.Actor;
        return await SaveChangeAsync(station, ChangeKind.Deleted, who, reason, tx, ct);
    }

    /// <summary>Brings a soft-deleted station back under its code (its QR codes, feeds and publication records carry it).</summary>
    public async Task<StationWriteResult> RestoreAsync(string code, int? version, string? reason, StaffIdentity who, CancellationToken ct = default)
    {
        var station = await db.Stations.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Code == code, ct);
        // Another area's hidden (non-public or deleted) station is not the caller's to learn of, as for PUT and DELETE.
        if (station is null || !StationVisibility.MayKnow(who, station)) return StationWriteResult.NotFound;
        if (!who.Covers(station.Adcode)) return OutOfScope(who, station.Adcode);
        if (station.DeletedAt is null) return StationWriteResult.NotDeleted(station);
        if (version is null) return StationWriteResult.RestoreVersionRequired;
        if (version != station.Version) return Stale(station, version.Value);
        if (ReasonErrors(reason, "恢复原因") is { } restoreReason) return StationWriteResult.Invalid(restoreReason);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        station.DeletedAt = null;
        station.DeletedBy = null;
        return await SaveChangeAsync(station, ChangeKind.Restored, who, reason, tx, ct);
    }

    /// <summary>The reason's problems under the same text rules as every other field, or null when it may be stored.</summary>
    private static List<Common.FieldError>? ReasonErrors(string? reason, string chineseName)
    {
        var errors = new List<Common.FieldError>();
        StationTextRules.Optional(reason, "reason", chineseName, StationLimits.Reason, errors, multiline: true);
        return errors.Count > 0 ? errors : null;
    }

    private async Task<StationWriteResult> SaveChangeAsync(Station station, ChangeKind kind, StaffIdentity who, string? reason,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        station.UpdatedAt = DateTimeOffset.UtcNow;
        station.UpdatedBy = who.Actor;
        station.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else wrote between our read and our write: report their version, keep theirs.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.Stations.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == station.Id, ct);
            return StationWriteResult.Conflict(current, $"站点已被他人修改（当前版本 {current.Version}） / the station was changed by someone else (current version {current.Version})");
        }
        catch (DbUpdateException e) when (StationDbErrors.Find(e) is { } pg && StationDbErrors.IsInputError(pg))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return StationWriteResult.Invalid([StationDbErrors.ToFieldError(pg)]);
        }
        await RecordAsync(station, kind, who, reason, ct);
        await tx.CommitAsync(ct);
        return new StationWriteResult(WriteOutcome.Ok, station);
    }

    /// <summary>The version just saved goes to the history (snapshot built by <see cref="StationSnapshot"/>) and the audit log.</summary>
    private async Task RecordAsync(Station station, ChangeKind kind, StaffIdentity who, string? reason, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(StationSnapshot.InsertHistory("s", kind.ToString().ToLowerInvariant(), "FROM stations s WHERE s.id = @id"),
            [new NpgsqlParameter("id", station.Id), new NpgsqlParameter("actor", who.Actor), new NpgsqlParameter("reason", (object?)reason ?? DBNull.Value)], ct);
        await AuditWriter.WriteAsync(db, AuditLog.Entry(who.Actor, $"station.{kind.ToString().ToLowerInvariant()}", station.Code, new { station.Version, reason }), ct);
    }

    private static StationWriteResult Stale(Station station, int given) => StationWriteResult.Conflict(station,
        $"版本冲突：您提交的版本 {given}，当前版本 {station.Version}，请刷新后重试 / version conflict: you sent version {given}, the current version is {station.Version}; reload and retry");

    private static StationWriteResult OutOfScope(StaffIdentity who, string adcode) => StationWriteResult.Forbidden(
        $"无权修改行政区 {adcode} 的站点（您的机构范围：{who.OrgAdcode}） / your organisation ({who.OrgAdcode}) may not change stations in {adcode}");
}
