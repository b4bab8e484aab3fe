using StationMap.Stations;

namespace StationMap.Nearby.Packed;

/// <summary>
/// Fills a <see cref="StationTable"/> row by row (straight from a data reader: no record per station
/// is ever kept), then builds it in insertion order or in a given order (the index's tree order).
/// </summary>
/// <param name="intern">Store repeated names, addresses and phones once (worth it for a big table, not for a query's rows).</param>
public sealed class StationTableBuilder(int capacity = 64, HoursCache? hoursCache = null, bool intern = true)
{
    private readonly HoursCache _hoursCache = hoursCache ?? HoursCache.Shared;
    private readonly TextArenaBuilder _text = new(Math.Max(capacity, 16) * 64);
    private readonly Dictionary<string, int> _hoursIds = [];
    private readonly List<HoursEntry> _hours = [];
    private long[] _ids = new long[Math.Max(capacity, 4)];
    private double[] _lngs = new double[Math.Max(capacity, 4)], _lats = new double[Math.Max(capacity, 4)];
    private byte[] _types = new byte[Math.Max(capacity, 4)];
    private int[] _services = new int[Math.Max(capacity, 4)], _hoursOf = new int[Math.Max(capacity, 4)];
    private int[] _codes = new int[Math.Max(capacity, 4)], _names = new int[Math.Max(capacity, 4)];
    private int[] _addresses = new int[Math.Max(capacity, 4)], _phones = new int[Math.Max(capacity, 4)];
    private sbyte[] _accessible = new sbyte[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    /// <summary>Longitudes and latitudes so far (the index builds its tree from them before <see cref="Build(int[])"/>).</summary>
    public ReadOnlySpan<double> Lngs => _lngs.AsSpan(0, Count);
    public ReadOnlySpan<double> Lats => _lats.AsSpan(0, Count);

    public void Add(long id, string code, string name, string address, double lng, double lat,
        StationType type, int serviceBits, string? hoursText, string? phone, bool? accessible)
    {
        var row = NextRow();
        SetNumbers(row, id, lng, lat, type, serviceBits, HoursId(hoursText), StepFree.Encode(accessible));
        _codes[row] = _text.Add(code, intern: false);
        _names[row] = _text.Add(name, intern);
        _addresses[row] = _text.Add(address, intern);
        _phones[row] = _text.Add(phone, intern);
    }

    public void Add(NearbyStation s) =>
        Add(s.Id, s.Code, s.Name, s.Address, s.Lng, s.Lat, s.Type, s.ServiceBits, s.OpeningHoursText, s.Phone, s.Accessible);

    /// <summary>Copies a row of another table without decoding its text (incremental rebuilds).</summary>
    public void Add(StationRef s)
    {
        var t = s.Table;
        var row = NextRow();
        SetNumbers(row, s.Id, s.Lng, s.Lat, s.Type, s.ServiceBits, HoursId(t.Hours(s.Row)), t.AccessibleFlags[s.Row]);
        _codes[row] = _text.Add(s.CodeUtf8, intern: false);
        _names[row] = _text.Add(s.NameUtf8, intern);
        _addresses[row] = _text.Add(s.AddressUtf8, intern);
        _phones[row] = s.HasPhone ? _text.Add(s.PhoneUtf8, intern) : TextArena.Null;
    }

    public StationTable Build() => Build(null);

    /// <summary>The table with row i = added row order[i]; the builder must not be used afterwards.</summary>
    public StationTable Build(int[]? order)
    {
        var n = Count;
        return new StationTable(Pick(_ids, order, n), Pick(_lngs, order, n), Pick(_lats, order, n), Pick(_types, order, n),
            Pick(_services, order, n), Pick(_hoursOf, order, n), Pick(_codes, order, n), Pick(_names, order, n),
            Pick(_addresses, order, n), Pick(_phones, order, n), Pick(_accessible, order, n), _text.Build(), [.. _hours]);
    }

    private static T[] Pick<T>(T[] source, int[]? order, int n)
    {
        var result = new T[n];
        if (order is null) Array.Copy(source, result, n);
        else for (var i = 0; i < n; i++) result[i] = source[order[i]];
        return result;
    }

    private void SetNumbers(int row, long id, double lng, double lat, StationType type, int serviceBits, int hours, sbyte accessible)
    {
        _ids[row] = id; _lngs[row] = lng; _lats[row] = lat; _types[row] = (byte)type;
        _services[row] = serviceBits; _hoursOf[row] = hours; _accessible[row] = accessible;
    }

    private int HoursId(string? text)
    {
        if (text is null) return -1;
        if (_hoursIds.TryGetValue(text, out var id)) return id;
        var (kept, parsed) = _hoursCache.Get(text);
        return AddHours(new HoursEntry(kept!, parsed));
    }

    private int HoursId(HoursEntry? entry)
    {
        if (entry is null) return -1;
        return _hoursIds.TryGetValue(entry.Text, out var id) ? id : AddHours(entry);
    }

    private int AddHours(HoursEntry entry)
    {
        _hoursIds[entry.Text] = _hours.Count;
        _hours.Add(entry);
        return _hours.Count - 1;
    }

    private int NextRow()
    {
        if (Count == _ids.Length)
        {
            var size = _ids.Length * 2;
            Array.Resize(ref _ids, size); Array.Resize(ref _lngs, size); Array.Resize(ref _lats, size);
            Array.Resize(ref _types, size); Array.Resize(ref _services, size); Array.Resize(ref _hoursOf, size);
            Array.Resize(ref _codes, size); Array.Resize(ref _names, size); Array.Resize(ref _addresses, size);
            Array.Resize(ref _phones, size); Array.Resize(ref _accessible, size);
        }
        return Count++;
    }
}
