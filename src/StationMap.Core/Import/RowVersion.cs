namespace StationMap.Import;

/// <summary>The 版本 cell: the station version a row from our template, export or error workbook was based on.</summary>
internal static class RowVersion
{
    /// <summary>Null when the file has no such column or the cell is empty; a cell that is not a positive whole number
    /// rejects the row (a guessed version would either hide a conflict or invent one).</summary>
    public static int? Read(ColumnMap map, RawRow row, List<ImportProblem> errors)
    {
        if (map.IndexOf(ImportField.Version) is not { } i || i >= row.Cells.Length || CellText.Clean(row.Cells[i]) is not { } text) return null;
        // Excel may hand a whole number back as "3.0".
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && d == decimal.Truncate(d) && d is >= 1 and <= int.MaxValue)
            return (int)d;
        errors.Add(ImportProblem.Of(row.Number, map.HeaderOf(ImportField.Version) ?? "", "version_invalid",
            $"版本应为正整数（来自导出或模板的原值，请勿修改）：{text}", $"version must be a positive whole number (the value from the export or template, unchanged): {text}"));
        return null;
    }
}
