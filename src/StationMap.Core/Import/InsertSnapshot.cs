using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>
/// The history snapshot of a station this import inserts, written while the row is validated: the same keys and
/// values <see cref="SnapshotSql"/> builds in SQL (version 1, created and updated by the import at its instant).
/// Building 150k snapshots with jsonb_build_object cost PostgreSQL ≈ 2 s on the merge's critical path; here the
/// reader thread writes them into the COPY bytes (≈ 1–2 µs a row). Updated stations keep the SQL snapshot (their
/// stored fields take part), and a generated code is filled in by the merge.
/// </summary>
internal sealed class InsertSnapshot(DateTimeOffset now, string actor)
{
    // Chinese text as it is, not as \uXXXX: this JSON goes to the database, not into a web page.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private Utf8JsonWriter? _writer;
    private readonly string _at = Timestamp(now);

    /// <summary>A timestamptz as PostgreSQL writes it into jsonb (UTC session): microseconds without trailing zeros.</summary>
    internal static string Timestamp(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        var fraction = (utc.Ticks % TimeSpan.TicksPerSecond / 10).ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + "+00:00";
    }

    /// <summary>The snapshot as UTF-8 JSON, valid until the next call (one writer and buffer per reader thread).</summary>
    public ReadOnlySpan<byte> Utf8(StationFields f, long? orgId)
    {
        _buffer.ResetWrittenCount();
        var w = _writer ??= new Utf8JsonWriter(_buffer, Options);
        w.Reset(_buffer);
        // Keys in jsonb's own order (shorter first, then bytewise): PostgreSQL sorts every object's keys on input, and
        // finds sorted ones in one pass.
        w.WriteStartObject();
        w.WriteString("code", f.Code);
        w.WriteString("name", f.Name);
        w.WriteString("type", EnumNames.Wire(f.Type));
        w.WriteString("notes", f.Notes);
        w.WriteString("phone", f.Phone);
        w.WriteString("adcode", f.Adcode);
        // numeric(8,1) as stored: rounded half away from zero, always one decimal.
        if (f.AreaM2 is { } area) w.WriteNumber("areaM2", Math.Round(area, 1, MidpointRounding.AwayFromZero) + 0.0m); else w.WriteNull("areaM2");
        Strings(w, "photos", f.Photos);
        w.WriteString("status", EnumNames.Wire(f.Status));
        w.WriteString("address", f.Address);
        w.WriteNumber("version", 1);
        w.WriteString("hostKind", EnumNames.Wire(f.HostKind));
        w.WriteBoolean("isPublic", f.IsPublic);
        Point(w, "location", f.Wgs84.Lng, f.Wgs84.Lat, "wgs84");
        Strings(w, "services", f.Services);
        w.WriteString("createdAt", _at);
        w.WriteString("createdBy", actor);
        w.WriteNull("deletedAt");
        w.WriteNull("deletedBy");
        Point(w, "submitted", f.Submitted.Lng, f.Submitted.Lat, f.Submitted.Sys.ToWire());
        w.WriteString("updatedAt", _at);
        w.WriteString("updatedBy", actor);
        w.WriteString("openingHours", f.OpeningHours);
        if (orgId is { } id) w.WriteNumber("managingOrgId", id); else w.WriteNull("managingOrgId");
        w.WriteString("hostOrganization", f.HostOrganization);
        w.WriteEndObject();
        w.Flush();
        return _buffer.WrittenSpan;
    }

    private static void Point(Utf8JsonWriter w, string name, double lng, double lat, string coordsys)
    {
        w.WriteStartObject(name);
        w.WriteNumber("lat", lat);
        w.WriteNumber("lng", lng);
        w.WriteString("coordsys", coordsys);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, List<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
