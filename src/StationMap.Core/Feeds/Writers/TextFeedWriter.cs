using StationMap.Feeds.Profiles;

namespace StationMap.Feeds.Writers;

/// <summary>
/// CSV and GeoJSON: rows rendered one at a time and split by rows/bytes. An incremental export writes
/// added / changed / withdrawn files, or one file with a change column, as the profile says. A column with
/// <see cref="FeedColumn.OnlyFor"/> is in its kinds' files only (the provider's POI id in -changed and -withdrawn).
/// </summary>
internal sealed class TextFeedWriter(FeedProfile profile)
{
    public IReadOnlyList<WrittenFile> Write(IEnumerable<FeedItem> items, FeedTarget target)
    {
        var withColumn = target.Incremental && profile.ChangesAsColumn;
        var encoding = FeedEncodings.Of(profile.Encoding);
        var outputs = new Dictionary<string, (SplitTextFiles Files, Func<FeedItem, string> Render)>();
        (SplitTextFiles Files, Func<FeedItem, string> Render) Output(FeedChange? kind)
        {
            var change = kind is { } k && !withColumn ? k.Wire() : "all";
            if (outputs.TryGetValue(change, out var o)) return o;
            // The columns of this file: a file of one kind (or a full export) leaves out the columns meant for other kinds.
            var (shown, headers) = profile.FileColumns(withColumn ? null : kind, withColumn);
            Func<FeedItem, string> render;
            string prefix, separator, suffix;
            if (profile.IsGeoJson)
            {
                render = new GeoJsonFeatures(profile, headers, shown).Render;
                (prefix, separator, suffix) = ("{\"type\":\"FeatureCollection\",\"features\":[\n", ",\n", "\n]}\n");
            }
            else
            {
                var lines = new CsvLines(headers);
                render = item => lines.Line(Cells(item, shown, withColumn));
                (prefix, separator, suffix) = (lines.Header(), "", "");
            }
            var files = new SplitTextFiles(target.Folder, change is "all" ? target.BaseName : $"{target.BaseName}-{change}", profile.Extension, change,
                encoding, prefix, separator, suffix, profile.MaxRows, profile.MaxBytes);
            return outputs[change] = (files, render);
        }
        try
        {
            foreach (var item in items)
            {
                var (files, render) = Output(item.Change);
                files.Add(render(item));
            }
            return outputs.OrderBy(o => o.Key, StringComparer.Ordinal).SelectMany(o => o.Value.Files.Complete()).ToList();
        }
        finally
        {
            foreach (var o in outputs.Values) o.Files.Dispose();
        }
    }

    private string[] Cells(FeedItem item, int[] shown, bool withColumn)
    {
        var cells = item.Row.Cells;
        var text = new string[shown.Length + (withColumn ? 1 : 0)];
        for (var j = 0; j < shown.Length; j++)
        {
            var i = shown[j];
            text[j] = !profile.Columns[i].Filled(item.Change) ? ""
                : cells[i] is double d ? Rows.StationFieldText.Number(d, profile.Decimals) : (string)cells[i];
        }
        if (withColumn) text[^1] = profile.ChangeValues[item.Change!.Value.Wire()];
        return text;
    }
}
