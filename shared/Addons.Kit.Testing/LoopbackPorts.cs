using System.Net;
using System.Net.Sockets;

namespace Addons.Kit.Testing;

/// <summary>
/// Loopback TCP ports for emulators, addons and tests. A port found free can be taken by someone else before it is
/// bound; callers that start several listeners pick ports far apart (see the sandbox test) or retry.
/// </summary>
public static class LoopbackPorts
{
    /// <summary>A port the kernel reports free now (from its ephemeral range).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when nothing listens on <paramref name="port"/> on loopback now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
