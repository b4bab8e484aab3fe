using Microsoft.EntityFrameworkCore;
using StationMap.Audit;
using StationMap.Data;
using StationMap.Orgs;

namespace StationMap.Auth;

/// <summary>Creates, finds and revokes staff keys. The clear key is returned once and never stored.</summary>
public sealed class StaffKeyStore(StationMapDb db)
{
    public async Task<(string Key, StaffKey Record)> CreateAsync(string orgAdcode, StaffRole role, string label, string actor, CancellationToken ct = default)
    {
        // A value outside the four (a cast number, OR-ed flags) would pass every "at least" role check.
        if (!Enum.IsDefined(role)) throw new ArgumentOutOfRangeException(nameof(role), role, "not one of the staff roles");
        var org = await OrganizationDirectory.FindOrCreateAsync(db, orgAdcode, ct);
        var key = KeyHasher.NewKey();
        var record = new StaffKey
        {
            Prefix = KeyHasher.DisplayPrefix(key), Hash = KeyHasher.Hash(key), Label = label,
            Role = role, OrganizationId = org.Id, CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.StaffKeys.Add(record);
        await db.SaveChangesAsync(ct);
        await AuditWriter.WriteAsync(db, AuditLog.Entry(actor, "key.create", record.Prefix, new { role = role.ToString(), org = orgAdcode, label }), ct);
        await tx.CommitAsync(ct);
        return (key, record);
    }

    public async Task<StaffIdentity?> AuthenticateAsync(string key, CancellationToken ct = default)
    {
        var hash = KeyHasher.Hash(key);
        var found = await db.StaffKeys.AsNoTracking().Include(k => k.Organization)
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Prefix, k.Label, k.Role, k.Organization!.Adcode })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new StaffIdentity(found.Id, $"{found.Label} ({found.Prefix})", found.Role, found.Adcode);
    }

    public async Task<bool> RevokeAsync(string prefix, string actor, CancellationToken ct = default)
    {
        var key = await db.StaffKeys.FirstOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, ct);
        if (key is null) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        key.RevokedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        await AuditWriter.WriteAsync(db, AuditLog.Entry(actor, "key.revoke", prefix, null), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public Task<List<StaffKey>> ListAsync(CancellationToken ct = default) =>
        db.StaffKeys.AsNoTracking().Include(k => k.Organization).OrderBy(k => k.Id).ToListAsync(ct);
}
