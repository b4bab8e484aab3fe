using StationMap.Nearby;
using StationMap.Nearby.Packed;

namespace StationMap.Api.Nearby;

/// <summary>
/// The <see cref="StationJsonTemplate"/>s of the current index's stations, made on first use. A new index (any
/// change) starts an empty set, so a template never outlives the station data it was made from. When the byte
/// budget is full the set starts over: the stations asked for since then are the ones worth keeping.
/// </summary>
internal sealed class StationJsonCache(long budgetBytes)
{
    private volatile Templates? _current;

    public Templates For(StationTable table)
    {
        var current = _current;
        if (current?.Table == table) return current;
        return _current = new Templates(table, budgetBytes);
    }

    internal sealed class Templates(StationTable table, long budgetBytes)
    {
        private volatile StationJsonTemplate?[] _byRow = new StationJsonTemplate?[table.Count];
        private long _bytes;

        public StationTable Table => table;

        public StationJsonTemplate Get(StationRef station)
        {
            // Rows are only ever filled with equal templates, so a race costs at most one extra build.
            var byRow = _byRow;
            if (byRow[station.Row] is { } kept) return kept;
            var made = StationJsonTemplate.Build(station);
            if (made.Size > budgetBytes) return made;
            if (Interlocked.Add(ref _bytes, made.Size) > budgetBytes)
            {
                byRow = _byRow = new StationJsonTemplate?[table.Count];
                Interlocked.Exchange(ref _bytes, made.Size);
            }
            byRow[station.Row] = made;
            return made;
        }
    }
}
