namespace StationMap.Import;

/// <summary>
/// A chunk of valid rows on its way from the reader to the merge, already encoded as binary COPY tuples:
/// <paramref name="Fresh"/> holds the rows that came with a code no station had when the import began (new stations the
/// merge can insert at once, while the file is still being read), <paramref name="Rest"/> every other valid row, of which
/// <paramref name="Codeless"/> came without a code.
/// <paramref name="RejectedSoFar"/>: how many rows the reader had rejected by the end of the chunk (the merge stops
/// writing at the first rejected row unless the caller skips invalid rows).
/// </summary>
internal sealed record StagedChunk(int Number, CopyBuffer Fresh, CopyBuffer Rest, int Codeless, int RejectedSoFar) : IDisposable
{
    public int Rows => Fresh.Tuples + Rest.Tuples;

    public void Dispose()
    {
        Fresh.Dispose();
        Rest.Dispose();
    }
}
