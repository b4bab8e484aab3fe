using Microsoft.EntityFrameworkCore;
using StationMap.Data;

namespace StationMap.Orgs;

/// <summary>Finds the union organisation for an area, creating it (under its parent area) on first use.</summary>
public static class OrganizationDirectory
{
    public static async Task<UnionOrganization> FindOrCreateAsync(StationMapDb db, string adcode, CancellationToken ct)
    {
        _ = AdcodeScope.Prefix(adcode); // validates the format
        var existing = await db.Organizations.FirstOrDefaultAsync(o => o.Adcode == adcode, ct);
        if (existing is not null) return existing;

        UnionOrganization? parent = null;
        var parentCode = ParentAdcode(adcode);
        if (parentCode is not null) parent = await FindOrCreateAsync(db, parentCode, ct);
        var org = new UnionOrganization
        {
            Name = DefaultName(adcode), Adcode = adcode, ParentId = parent?.Id, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        return org;
    }

    public static string? ParentAdcode(string adcode)
    {
        if (adcode == "000000") return null;
        if (adcode.EndsWith("0000", StringComparison.Ordinal)) return "000000";
        if (adcode.EndsWith("00", StringComparison.Ordinal)) return adcode[..2] + "0000";
        return adcode[..4] + "00";
    }

    private static string DefaultName(string adcode)
    {
        if (adcode == "000000") return "中华全国总工会";
        var division = Divisions.AdministrativeDivisions.LoadDefault().Find(adcode);
        return division is null ? $"{adcode} 工会" : $"{division.Name}总工会";
    }
}
