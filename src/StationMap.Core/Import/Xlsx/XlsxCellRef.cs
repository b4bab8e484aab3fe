namespace StationMap.Import.Xlsx;

/// <summary>The column of a cell reference such as "AB12" (0-based), or null when there is none.</summary>
internal static class XlsxCellRef
{
    public static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        // Excel's last column is XFD (16,384): anything wider is not a reference we trust.
        return i == 0 || column > 16_384 ? null : column - 1;
    }
}
