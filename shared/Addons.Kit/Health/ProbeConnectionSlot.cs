using System.Net.Sockets;

namespace Addons.Kit.Health;

/// <summary>
/// One accepted connection as the listener tracks it: when it was accepted, whether it is waiting for a
/// request (idle) or answering one, and how to evict it.
/// </summary>
internal sealed class ProbeConnectionSlot(Socket socket, long acceptedTimestamp) : IDisposable
{
    private readonly CancellationTokenSource _evicted = new();
    private int _busy;
    private int _evictedFlag;

    public Socket Socket { get; } = socket;

    public long AcceptedTimestamp { get; } = acceptedTimestamp;

    /// <summary>Cancelled when the listener evicts the connection to make room for a new one.</summary>
    public CancellationToken Evicted => _evicted.Token;

    /// <summary>True while a request is being answered (its head fully read).</summary>
    public bool IsBusy => Volatile.Read(ref _busy) != 0;

    public void MarkBusy(bool busy) => Volatile.Write(ref _busy, busy ? 1 : 0);

    /// <summary>True once evicted (it may take a moment to finish): no longer counted as open.</summary>
    public bool IsEvicted => Volatile.Read(ref _evictedFlag) != 0;

    /// <summary>Cancels the connection's work and closes the socket, which also unblocks a pending write.</summary>
    public void Evict()
    {
        Volatile.Write(ref _evictedFlag, 1);
        try
        {
            _evicted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished and disposed.
        }

        Socket.Dispose();
    }

    public void Dispose() => _evicted.Dispose();
}
