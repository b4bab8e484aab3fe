namespace StationMap.Feeds.Writers;

/// <summary>One finished file: its name in the batch folder, which change it carries, rows, size and SHA-256.</summary>
public sealed record WrittenFile(string Name, string Change, int Rows, long Bytes, string Sha256);
