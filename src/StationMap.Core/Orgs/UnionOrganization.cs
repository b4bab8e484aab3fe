namespace StationMap.Orgs;

/// <summary>A trade-union organisation in the tree (city federation → district unions → ...).</summary>
public sealed class UnionOrganization
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The area it covers, as a GB/T 2260 code: 110000 = all Beijing, 110108 = Haidian.</summary>
    public required string Adcode { get; set; }
    public long? ParentId { get; set; }
    public UnionOrganization? Parent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
