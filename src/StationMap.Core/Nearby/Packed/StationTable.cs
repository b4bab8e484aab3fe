using StationMap.Stations;

namespace StationMap.Nearby.Packed;

/// <summary>
/// Stations as columns (struct of arrays): a few numbers per row and offsets into one UTF-8
/// <see cref="TextArena"/>, so 1.5M stations cost about 150 bytes each instead of a dozen objects.
/// Immutable; built by <see cref="StationTableBuilder"/>.
/// </summary>
public sealed class StationTable
{
    internal StationTable(long[] ids, double[] lngs, double[] lats, byte[] types, int[] services, int[] hours,
        int[] codes, int[] names, int[] addresses, int[] phones, sbyte[] accessible, TextArena text, HoursEntry[] hoursEntries)
    {
        Ids = ids; Lngs = lngs; Lats = lats; Types = types; Services = services; HoursIds = hours;
        Codes = codes; Names = names; Addresses = addresses; Phones = phones; AccessibleFlags = accessible; Text = text; HoursEntries = hoursEntries;
    }

    public int Count => Ids.Length;

    internal long[] Ids { get; }
    internal double[] Lngs { get; }
    internal double[] Lats { get; }
    internal byte[] Types { get; }
    internal int[] Services { get; }
    internal int[] HoursIds { get; } // index into HoursEntries, -1 = none
    internal int[] Codes { get; }
    internal int[] Names { get; }
    internal int[] Addresses { get; }
    internal int[] Phones { get; }
    internal sbyte[] AccessibleFlags { get; } // StepFree encoding: -1 unknown, 0 no, 1 yes
    internal TextArena Text { get; }
    internal HoursEntry[] HoursEntries { get; }

    public StationRef this[int row] => new(this, row);

    public HoursEntry? Hours(int row) => HoursIds[row] is var h and >= 0 ? HoursEntries[h] : null;

    public StationType Type(int row) => (StationType)Types[row];

    /// <summary>Step-free entrance (无障碍); null when not recorded.</summary>
    public bool? Accessible(int row) => StepFree.Decode(AccessibleFlags[row]);
}

/// <summary>A recorded-or-not yes/no kept in one signed byte per row.</summary>
internal static class StepFree
{
    public static sbyte Encode(bool? value) => value switch { null => -1, false => 0, true => 1 };

    public static bool? Decode(sbyte flag) => flag < 0 ? null : flag == 1;
}
