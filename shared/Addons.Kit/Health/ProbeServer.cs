using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Health;

/// <summary>
/// The one small HTTP/1.1 listener of every addon (not Kestrel: it would cost several MB of idle
/// memory). GET/HEAD only, keep-alive or close, no request bodies, a bounded number of connections.
/// </summary>
/// <remarks>
/// Guarantees: the port is bound during host start (a taken port fails the start); it is the last
/// component to stop, so readiness stays observable (false) during the whole graceful stop.
/// A new connection is never refused for lack of room: when <see cref="MaxConnections"/> are open, the
/// oldest idle one (waiting for a request) is evicted, else the oldest; each request has one deadline
/// (<see cref="HealthOptions.RequestTimeout"/>) for reading and writing. Accept errors (e.g. EMFILE) are
/// logged and retried with a growing pause (up to 1 s) — the accept loop never dies while the host runs.
/// </remarks>
internal sealed partial class ProbeServer : IHostedService, IAsyncDisposable
{
    // Probes and scrapes need a handful of connections; more would only cost memory.
    private const int MaxConnections = 16;
    private const int MaxHeadBytes = 8192;
    private static readonly TimeSpan MaxAcceptPause = TimeSpan.FromSeconds(1);

    private readonly IOptions<HealthOptions> _options;
    private readonly ProbeResponder _responder;
    private readonly ILogger<ProbeServer> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<Task, ProbeConnectionSlot> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private int _disposed;

    private readonly TimeProvider _time;

    public ProbeServer(IOptions<HealthOptions> options, ProbeResponder responder, ILogger<ProbeServer> logger, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        // Read at start, not here: the host resolves hosted services before it validates options.
        _options = options;
        _responder = responder;
        _logger = logger;
    }

    /// <summary>The bound port (useful when configured as an ephemeral port in tests); 0 when off.</summary>
    public int Port { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (options.Port == 0)
        {
            Log.Disabled(_logger);
            return Task.CompletedTask;
        }

        _listener = new TcpListener(IPAddress.Parse(options.BindAddress), options.Port);
        _listener.Start(backlog: MaxConnections);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Log.Listening(_logger, options.BindAddress, Port);
        _acceptLoop = AcceptLoopAsync(_listener, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null || _acceptLoop is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop.WaitAsync(cancellationToken);
        Task[] open;
        lock (_gate)
        {
            open = [.. _connections.Keys];
        }

        await Task.WhenAll(open).WaitAsync(cancellationToken);
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken);
                pause = TimeSpan.Zero;
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // Out of descriptors, a connection reset before accept, …: the listener itself is fine.
                pause = pause == TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxAcceptPause.Ticks));
                Log.AcceptFailed(_logger, ex.SocketErrorCode.ToString(), pause);
                EvictOne();
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            lock (_gate)
            {
                if (_connections.Values.Count(c => !c.IsEvicted) >= MaxConnections)
                {
                    EvictOneLocked();
                }

                var slot = new ProbeConnectionSlot(socket, _time.GetTimestamp());
                var connection = ServeAsync(slot, cancellationToken);
                _connections.Add(connection, slot);
                _ = connection.ContinueWith(Forget, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private void EvictOne()
    {
        lock (_gate)
        {
            EvictOneLocked();
        }
    }

    /// <summary>Evicts the oldest idle connection, else the oldest one.</summary>
    private void EvictOneLocked()
    {
        ProbeConnectionSlot? victim = null;
        foreach (var slot in _connections.Values)
        {
            if (slot.IsEvicted)
            {
                continue;
            }

            if (victim is null || (victim.IsBusy && !slot.IsBusy) || (victim.IsBusy == slot.IsBusy && slot.AcceptedTimestamp < victim.AcceptedTimestamp))
            {
                victim = slot;
            }
        }

        if (victim is not null)
        {
            Log.Evicted(_logger, victim.IsBusy ? "busy" : "idle");
            victim.Evict();
        }
    }

    private static void Forget(Task connection, object? state)
    {
        var server = (ProbeServer)state!;
        lock (server._gate)
        {
            if (server._connections.Remove(connection, out var slot))
            {
                slot.Dispose();
            }
        }
    }

    private async Task ServeAsync(ProbeConnectionSlot slot, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, slot.Evicted);
            await using var stream = new NetworkStream(slot.Socket, ownsSocket: true);
            await new ProbeConnection(stream, _responder, MaxHeadBytes, _options.Value.RequestTimeout, slot).RunAsync(linked.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A client that goes away, times out or is evicted is normal for probes; nothing to recover.
            Log.ConnectionClosed(_logger, ex.GetType().Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered both as itself and as a hosted service: the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener?.Dispose();
        _stopping.Dispose();
    }
}
