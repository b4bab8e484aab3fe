using Npgsql;
using StationMap.Divisions;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>
/// Reads, maps and validates every row and writes the valid ones into the staging table through one binary import,
/// on the import's connection. Problems go to the log.
/// </summary>
internal sealed class StagingReader(ImportRequest request, ColumnMap map, HeaderCoordsys? stated, Dictionary<string, long> orgsByName,
    AdministrativeDivisions divisions, ImportOptions options, StoredStations stored, ProblemLog log)
{
    /// <summary>Rows that came without a code (the merge then matches them to stored stations and generates codes).</summary>
    public int Codeless { get; private set; }

    /// <summary>Staged rows with a code and a 版本 (the merge checks them for conflicts).</summary>
    public int Versioned { get; private set; }

    /// <summary>Rows that passed validation (and were staged).</summary>
    public int Valid { get; private set; }

    /// <summary>Returns the number of non-empty rows read.</summary>
    public int Read(ISheetSource sheet, NpgsqlConnection conn, CancellationToken ct)
    {
        using var copy = StagingTable.Begin(conn);
        var total = ReadRows(sheet, copy, ct);
        copy.Complete();
        return total;
    }

    private int ReadRows(ISheetSource sheet, NpgsqlBinaryImporter copy, CancellationToken ct)
    {
        var mapper = new RowMapper(map, request.Coordsys, orgsByName, stated);
        var validator = new RowValidator(map, request.Who, divisions, options);
        var near = new NearDuplicates(options.DuplicateRadiusMetres);
        var nameColumn = map.HeaderOf(ImportField.Name) ?? "";
        var (errors, warnings, total) = (new List<ImportProblem>(), new List<ImportProblem>(), 0);
        foreach (var row in ReadAhead.Rows(sheet.Rows()))
        {
            if (row.IsEmpty) continue;
            total++;
            errors.Clear();
            warnings.Clear();
            var (input, orgId) = mapper.Map(row, errors, warnings);
            var fields = validator.Validate(row.Number, input, errors);
            var baseVersion = RowVersion.Read(map, row, errors);
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
                if (fields.Code is null) Codeless++;
                else if (baseVersion is not null) Versioned++;
                Valid++;
                StagingTable.Write(copy, row.Number, new StationRow(fields, orgId), fields.Code is null ? null : baseVersion);
            }
            if (total % 1000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                request.Progress?.Report(new(total, (double)request.Content.Position / Math.Max(1, request.Content.Length), "read", Valid));
            }
        }
        return total;
    }

    /// <summary>The same warning as the merge's SQL check gives code-less rows.</summary>
    private ImportProblem StoredDuplicate(int row, string nameColumn, string code, string name) =>
        ImportProblem.Of(row, nameColumn, "probable_duplicate",
            $"疑似重复：{options.DuplicateRadiusMetres:0} 米内已有名称相近的站点 {code}（{name}）",
            $"probable duplicate: stored station {code} ({name}) is within {options.DuplicateRadiusMetres:0} m with a similar name");
}
