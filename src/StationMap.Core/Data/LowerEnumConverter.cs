using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace StationMap.Data;

/// <summary>Stores an enum as its lower-case name ("active", "postoffice").</summary>
public sealed class LowerEnumConverter<T>() : ValueConverter<T, string>(
    v => v.ToString().ToLowerInvariant(),
    v => Enum.Parse<T>(v, true))
    where T : struct, Enum;
