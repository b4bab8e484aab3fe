using System.Net;
using System.Net.Sockets;

namespace StationMap.Api;

/// <summary>
/// Who a per-client limit counts as one client. IPv4: the address (behind carrier NAT that is a whole crowd,
/// so the limits on it are generous). IPv6: the /64 — one subscriber is handed a whole /64, so counting single
/// addresses would give one attacker 2^64 partitions.
/// </summary>
internal static class ClientKey
{
    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
