namespace StationMap.Divisions;

/// <summary>
/// GB/T 2260 division codes (province, prefecture, county level) and rough province boxes.
/// <see cref="LoadDefault"/> reads the copies embedded in this assembly, so it works from a published binary.
/// </summary>
public sealed class AdministrativeDivisions
{
    private const string ResourcePrefix = "StationMap.Divisions.";
    private static readonly Lazy<AdministrativeDivisions> Default = new(LoadEmbedded);

    private readonly Dictionary<string, Division> _byCode;
    private readonly Dictionary<string, ProvinceBox> _boxes;

    private AdministrativeDivisions(IEnumerable<Division> divisions, IEnumerable<ProvinceBox> boxes)
    {
        _byCode = divisions.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _boxes = boxes.ToDictionary(b => b.Code, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Division> All => _byCode.Values;

    /// <summary>The embedded data set, loaded once.</summary>
    public static AdministrativeDivisions LoadDefault() => Default.Value;

    /// <summary>Loads divisions.csv and province-bbox.csv from a folder such as data/divisions.</summary>
    public static AdministrativeDivisions LoadFrom(string directory)
    {
        using var divisions = File.OpenText(Path.Combine(directory, "divisions.csv"));
        using var boxes = File.OpenText(Path.Combine(directory, "province-bbox.csv"));
        return Load(divisions, boxes);
    }

    public static AdministrativeDivisions Load(TextReader divisions, TextReader provinceBoxes) =>
        new(DivisionCsv.ReadDivisions(divisions), DivisionCsv.ReadBoxes(provinceBoxes));

    public bool Exists(string code) => _byCode.ContainsKey(code);

    public Division? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Name of the province a code belongs to ("110108" → "北京市"); null for an unknown province.</summary>
    public string? ProvinceName(string code) =>
        code.Length >= 2 ? Find(string.Concat(code.AsSpan(0, 2), "0000"))?.Name : null;

    /// <summary>The box of the province named by the first two digits of <paramref name="adcode"/>.</summary>
    public ProvinceBox? ProvinceBounds(string adcode) =>
        adcode.Length >= 2 ? _boxes.GetValueOrDefault(adcode[..2]) : null;

    /// <summary>
    /// Whether the point lies within <paramref name="marginKm"/> of the province's box: catches swapped
    /// coordinates or a wrong adcode. False for an unknown province.
    /// </summary>
    public bool IsNearProvince(string adcode, double lng, double lat, double marginKm) =>
        ProvinceBounds(adcode) is { } box && box.DistanceKm(lng, lat) <= marginKm;

    private static AdministrativeDivisions LoadEmbedded()
    {
        using var divisions = OpenResource("divisions.csv");
        using var boxes = OpenResource("province-bbox.csv");
        return Load(divisions, boxes);
    }

    private static StreamReader OpenResource(string name)
    {
        var stream = typeof(AdministrativeDivisions).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"embedded resource {ResourcePrefix}{name} is missing");
        return new StreamReader(stream);
    }
}
