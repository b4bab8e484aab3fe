namespace StationMap.Import;

/// <summary>The rejected rows exactly as read, with their problems, for the downloadable error workbook.</summary>
public sealed record RejectedRows(List<string> Headers, List<RejectedRow> Rows)
{
    /// <summary>Second, cheap pass over the file: the rejected rows' original cells for the error workbook.</summary>
    internal static RejectedRows? Collect(ImportRequest request, ProblemLog log, ImportOptions options)
    {
        request.Content.Position = 0;
        using var sheet = UploadedFile.Open(request.Content, request.FileName, request.Sheet, options, [], HeaderRule.Import);
        if (sheet is null) return null;
        var messages = log.Errors.Where(e => e.Row > 1).GroupBy(e => e.Row)
            .ToDictionary(g => g.Key, g => string.Join("；", g.Select(e => e.Column.Length > 0 ? $"[{e.Column}] {e.Message}" : e.Message)));
        var rows = new List<RejectedRow>();
        try
        {
            foreach (var row in ReadAhead.Rows(sheet.Rows()))
            {
                if (!log.RejectedRows.Contains(row.Number)) continue;
                rows.Add(new RejectedRow(row.Number, row.Cells, messages.GetValueOrDefault(row.Number, "")));
                if (rows.Count >= options.MaxRejectedRowsKept) break;
            }
        }
        catch (Exception e) when (e is UnreadableFileException or SheetLimitException)
        {
            // The first pass reported where the file breaks off; the rows read before it are still worth returning.
        }
        return new RejectedRows(sheet.Headers.Select((h, i) => h ?? ColumnMap.ColumnLetter(i)).ToList(), rows);
    }
}

/// <summary>The error workbook carries each row's 版本 so that the fixed file is checked for conflicts like an export.</summary>
internal static class RejectedRowVersions
{
    /// <summary>A file without a 版本 column gets one, holding the stored version of each row's station (empty for new
    /// codes, and for another area's non-public stations, whose version is not the uploader's to learn); a file with
    /// one keeps its own values (the version the user worked from).</summary>
    public static async Task<RejectedRows> AddAsync(RejectedRows rejected, Npgsql.NpgsqlDataSource dataSource, Auth.StaffIdentity who, CancellationToken ct)
    {
        if (rejected.Headers.Any(h => ImportHeaders.Find(h) == ImportField.Version)) return rejected;
        var codeAt = rejected.Headers.FindIndex(h => ImportHeaders.Find(h) == ImportField.Code);
        string? CodeOf(RejectedRow r) => codeAt >= 0 && codeAt < r.Cells.Length ? CellText.Digits(CellText.Clean(r.Cells[codeAt]), out _, out _) : null;
        var codes = rejected.Rows.Select(CodeOf).OfType<string>().Distinct().ToArray();
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        if (codes.Length > 0)
        {
            await using var cmd = dataSource.CreateCommand($"""
                SELECT code, version FROM stations
                WHERE code = ANY(@codes) AND deleted_at IS NULL AND {Stations.StationVisibility.MayKnowSql()}
                """);
            cmd.Parameters.AddWithValue("codes", codes);
            cmd.Parameters.AddWithValue("prefix", Stations.StationVisibility.AreaPrefix(who)!);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) versions[r.GetString(0)] = r.GetInt32(1);
        }
        var width = rejected.Headers.Count;
        return new RejectedRows([.. rejected.Headers, ImportHeaders.TemplateHeader(ImportField.Version)], rejected.Rows.Select(r =>
        {
            var cells = new string?[width + 1];
            Array.Copy(r.Cells, cells, Math.Min(width, r.Cells.Length));
            cells[width] = CodeOf(r) is { } code && versions.TryGetValue(code, out var v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return r with { Cells = cells };
        }).ToList());
    }
}

public sealed record RejectedRow(int Row, string?[] Cells, string Errors);
