using StationMap.Stations;

namespace StationMap.Import;

/// <summary>A valid row on its way to staging. <paramref name="Fresh"/>: it came with a code no station had when the
/// import began — a new station the merge can insert at once, while the file is still being read.</summary>
internal readonly record struct StagedRow(int Row, StationFields Fields, long? OrgId, bool Fresh)
{
    /// <summary>Fresh and code-less rows may be inserted, so they carry a history snapshot; a stored code is an update.</summary>
    public bool MayInsert => Fresh || Fields.Code is null;
}

/// <summary>Rows handed from the reader to the merge, with how many rows the reader had rejected by the end of the
/// chunk (the merge stops writing at the first rejected row unless the caller skips invalid rows).</summary>
internal sealed record StagedChunk(int Number, List<StagedRow> Rows, int RejectedSoFar);
