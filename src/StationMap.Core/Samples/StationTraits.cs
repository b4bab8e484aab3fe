using System.Globalization;
using StationMap.Stations;

namespace StationMap.Samples;

/// <summary>Draws type, status, services, hours, area and phone with the proportions seen in real lists.</summary>
internal static class StationTraits
{
    private static readonly (string Code, double Chance)[] ServiceOdds =
    [
        ("water", 1.0), ("microwave", 0.8), ("charging", 0.9), ("rest", 0.9), ("toilet", 0.5), ("firstaid", 0.85),
        ("aircon", 0.7), ("wifi", 0.5), ("raingear", 0.3), ("tools", 0.25), ("nursing", 0.08), ("aed", 0.05),
    ];

    private static readonly string[] BasicKit = ["water", "charging", "rest", "firstaid"];

    public static StationType DrawType(Random rng)
    {
        double x = rng.NextDouble();
        return x < 0.08 ? StationType.Micro : x < 0.11 ? StationType.Mobile : StationType.Standard;
    }

    public static StationStatus DrawStatus(Random rng)
    {
        double x = rng.NextDouble();
        return x < 0.02 ? StationStatus.Closed : x < 0.04 ? StationStatus.Suspended : StationStatus.Active;
    }

    public static string DrawServices(Random rng, StationType type)
    {
        // Micro and mobile stations carry the basic kit only; a micro room often has no seats.
        if (type != StationType.Standard)
            return string.Join(',', BasicKit.Where(code => code != "rest" || type == StationType.Mobile || rng.Chance(0.5)));
        return string.Join(',', ServiceOdds.Where(s => rng.Chance(s.Chance)).Select(s => s.Code));
    }

    public static double DrawArea(Random rng, StationType type) => type switch
    {
        StationType.Micro => Math.Round(1 + rng.NextDouble() * 3.9, 1),
        StationType.Mobile => Math.Round(6 + rng.NextDouble() * 6, 1),
        _ => Math.Round(5 + Math.Pow(rng.NextDouble(), 2) * 55, 1),
    };

    /// <summary>Canonical opening_hours; about 55% of all stations end up 24/7.</summary>
    public static string DrawHours(Random rng, HostKind host, StationType type)
    {
        if (type == StationType.Mobile)
            return rng.Pick(["Mo-Fr 10:00-14:00", "Mo-Fr 11:00-14:00,17:00-20:00", "Sa,Su 10:00-16:00"]);
        double x = rng.NextDouble();
        return host switch
        {
            HostKind.PetrolStation => x < 0.9 ? "24/7" : "06:00-22:00",
            HostKind.Union => x < 0.7 ? "24/7" : x < 0.9 ? "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00" : "08:00-20:00",
            HostKind.PostOffice => x < 0.3 ? "24/7" : x < 0.8 ? "08:30-17:30" : "Mo-Fr 08:00-18:00; Sa,Su 09:00-16:00",
            HostKind.Bank => x < 0.45 ? "24/7" : x < 0.85 ? "Mo-Fr 09:00-17:00; Sa,Su 09:30-16:30" : "Mo-Fr 09:00-17:00; Sa,Su off; PH off",
            HostKind.Community => x < 0.65 ? "24/7" : x < 0.9 ? "08:00-12:00,14:00-18:00" : "Mo-Fr 08:30-17:30",
            HostKind.Telecom => x < 0.2 ? "24/7" : "09:00-21:00",
            HostKind.Government => x < 0.1 ? "24/7" : "Mo-Fr 09:00-17:00; PH off",
            _ => x < 0.6 ? "24/7" : "07:00-22:00",
        };
    }

    /// <summary>
    /// A chain's hotline sometimes, else a random number in a real format (landline, mobile, 400).
    /// They are not real stations' numbers and must not be dialled.
    /// </summary>
    public static string DrawPhone(Random rng, HostKind host, string? hotline, bool beijing)
    {
        if (hotline is not null && rng.Chance(0.35))
            return hotline;
        if (host == HostKind.Enterprise && rng.Chance(0.5))
            return $"400-{rng.Next(100, 1000)}-{rng.Next(0, 10000):D4}";
        if (beijing && rng.Chance(0.6))
            return "010-" + rng.Next(5, 9).ToString(CultureInfo.InvariantCulture) + rng.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        return rng.Pick(MobilePrefixes) + rng.Next(0, 10).ToString(CultureInfo.InvariantCulture)
            + rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
    }

    private static readonly string[] MobilePrefixes = ["13", "15", "18"];
}
