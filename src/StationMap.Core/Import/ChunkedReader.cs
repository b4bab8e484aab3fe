using System.Threading.Channels;
using StationMap.Divisions;

namespace StationMap.Import;

/// <summary>
/// Reads, maps and validates every row (on its own thread) and hands the valid ones to the merge in chunks, so
/// PostgreSQL merges one chunk while the next is being validated. Problems go to the log, which only this reader
/// touches until it has finished.
/// </summary>
internal sealed class ChunkedReader(ImportRequest request, ColumnMap map, Dictionary<string, long> orgsByName,
    AdministrativeDivisions divisions, ImportOptions options, StoredStations stored, StagingRowEncoder encoder, ProblemLog log)
{
    /// <summary>Returns the number of non-empty rows read; completes <paramref name="chunks"/> in every case.</summary>
    public int Read(ISheetSource sheet, ChannelWriter<StagedChunk> chunks, CancellationToken ct)
    {
        try
        {
            return ReadRows(sheet, chunks, ct);
        }
        finally
        {
            chunks.TryComplete();
        }
    }

    private int ReadRows(ISheetSource sheet, ChannelWriter<StagedChunk> chunks, CancellationToken ct)
    {
        var mapper = new RowMapper(map, request.Coordsys, orgsByName);
        var validator = new RowValidator(map, request.Who, divisions, options);
        var near = new NearDuplicates(options.DuplicateRadiusMetres);
        var nameColumn = map.HeaderOf(ImportField.Name) ?? "";
        var size = Math.Max(1, options.MergeChunkRows);
        var (errors, warnings, total, number) = (new List<ImportProblem>(), new List<ImportProblem>(), 0, 0);
        var (fresh, rest, codeless) = (new CopyBuffer(), new CopyBuffer(), 0);
        void Hand()
        {
            // Blocks while the feed and the merge hold the chunks they can (one each, one queued for each): memory stays bounded.
            chunks.WriteAsync(new StagedChunk(number++, fresh, rest, codeless, log.RejectedRows.Count), ct).AsTask().GetAwaiter().GetResult();
            (fresh, rest, codeless) = (new CopyBuffer(), new CopyBuffer(), 0);
        }
        foreach (var row in ReadAhead.Rows(sheet.Rows()))
        {
            if (row.IsEmpty) continue;
            if (++total > options.MaxRows)
            {
                log.AddErrors([ImportProblem.File("too_many_rows", $"行数超过上限 {options.MaxRows}，请拆分文件", $"more than {options.MaxRows} rows; split the file")]);
                return total - 1;
            }
            errors.Clear();
            warnings.Clear();
            var (input, orgId) = mapper.Map(row, errors, warnings);
            var fields = validator.Validate(row.Number, input, errors);
            if (fields is not null && near.Add(row.Number, fields.Wgs84.Lng, fields.Wgs84.Lat, fields.Name) is { } first)
                warnings.Add(ImportProblem.Of(row.Number, nameColumn, "probable_duplicate", $"疑似重复：与第 {first} 行相距不到 {options.DuplicateRadiusMetres:0} 米且名称相近",
                    $"probable duplicate of row {first}: within {options.DuplicateRadiusMetres:0} m with a similar name"));
            if (fields is { Code: { } code } && errors.Count == 0 && !stored.Knows(code))
                foreach (var (otherCode, otherName) in stored.SimilarNear(fields.Wgs84.Lng, fields.Wgs84.Lat, fields.Name))
                    warnings.Add(StoredDuplicate(row.Number, nameColumn, otherCode, otherName));
            log.AddErrors(errors);
            log.AddWarnings(warnings);
            if (fields is not null && errors.Count == 0)
            {
                var isFresh = fields.Code is { } given && !stored.Knows(given);
                if (fields.Code is null) codeless++;
                // Fresh and code-less rows may be inserted, so they carry a history snapshot; a stored code is an update.
                encoder.Write(isFresh ? fresh : rest, row.Number, number, fields, orgId, mayInsert: isFresh || fields.Code is null);
                if (fresh.Tuples + rest.Tuples == size) Hand();
            }
            if (total % 5000 == 0) request.Progress?.Report(new(total, (double)request.Content.Position / Math.Max(1, request.Content.Length), "read"));
        }
        if (fresh.Tuples + rest.Tuples > 0) Hand();
        return total;
    }

    /// <summary>The same warning as the final pass's SQL check gives code-less rows.</summary>
    private ImportProblem StoredDuplicate(int row, string nameColumn, string code, string name) =>
        ImportProblem.Of(row, nameColumn, "probable_duplicate",
            $"疑似重复：{options.DuplicateRadiusMetres:0} 米内已有名称相近的站点 {code}（{name}）",
            $"probable duplicate: stored station {code} ({name}) is within {options.DuplicateRadiusMetres:0} m with a similar name");
}
