using System.Net;

namespace LmcBot.Teams.Configuration;

/// <summary>Loopback checks shared by the development mode and the URL rules.</summary>
internal static class Loopback
{
    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static bool IsLoopbackAddress(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
