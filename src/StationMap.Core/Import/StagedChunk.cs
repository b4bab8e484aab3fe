using StationMap.Stations;

namespace StationMap.Import;

/// <summary>A valid row on its way to the staging table; <paramref name="MayInsert"/> asks for its history snapshot
/// (false when its code names a stored station: then it can only be an update).</summary>
internal readonly record struct StagedRow(int Row, StationFields Fields, long? OrgId, bool MayInsert);

/// <summary>Rows handed from the reader to the merge, with how many rows the reader had rejected by the end of the
/// chunk (the merge stops writing at the first rejected row unless the caller skips invalid rows).</summary>
internal sealed record StagedChunk(int Number, List<StagedRow> Rows, int RejectedSoFar);
