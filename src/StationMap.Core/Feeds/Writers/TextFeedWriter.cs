using StationMap.Feeds.Profiles;

namespace StationMap.Feeds.Writers;

/// <summary>
/// CSV and GeoJSON: rows rendered one at a time and split by rows/bytes. An incremental export writes
/// added / changed / withdrawn files, or one file with a change column, as the profile says.
/// </summary>
internal sealed class TextFeedWriter(FeedProfile profile)
{
    public IReadOnlyList<WrittenFile> Write(IEnumerable<FeedItem> items, FeedTarget target)
    {
        var withColumn = target.Incremental && profile.ChangesAsColumn;
        var headers = profile.Columns.Select(c => c.Header).Concat(withColumn ? [profile.ChangeHeader] : []).ToArray();
        Func<FeedItem, string> render;
        string prefix, separator, suffix;
        if (profile.IsGeoJson)
        {
            var features = new GeoJsonFeatures(profile, headers);
            render = features.Render;
            (prefix, separator, suffix) = ("{\"type\":\"FeatureCollection\",\"features\":[\n", ",\n", "\n]}\n");
        }
        else
        {
            var lines = new CsvLines(headers);
            render = item => lines.Line(Cells(item, withColumn));
            (prefix, separator, suffix) = (lines.Header(), "", "");
        }

        var encoding = FeedEncodings.Of(profile.Encoding);
        var outputs = new Dictionary<string, SplitTextFiles>();
        SplitTextFiles Output(string change) => outputs.TryGetValue(change, out var o) ? o : outputs[change] = new SplitTextFiles(
            target.Folder, change is "all" ? target.BaseName : $"{target.BaseName}-{change}", profile.Extension, change,
            encoding, prefix, separator, suffix, profile.MaxRows, profile.MaxBytes);
        try
        {
            foreach (var item in items)
                Output(item.Change is { } c && !withColumn ? c.Wire() : "all").Add(render(item));
            return outputs.OrderBy(o => o.Key, StringComparer.Ordinal).SelectMany(o => o.Value.Complete()).ToList();
        }
        finally
        {
            foreach (var o in outputs.Values) o.Dispose();
        }
    }

    private string[] Cells(FeedItem item, bool withColumn)
    {
        var cells = item.Row.Cells;
        var text = new string[cells.Length + (withColumn ? 1 : 0)];
        for (var i = 0; i < cells.Length; i++)
            text[i] = cells[i] is double d ? Rows.StationFieldText.Number(d, profile.Decimals) : (string)cells[i];
        if (withColumn) text[^1] = profile.ChangeValues[item.Change!.Value.Wire()];
        return text;
    }
}
