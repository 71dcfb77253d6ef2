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
/// </remarks>
internal sealed partial class ProbeServer : IHostedService, IAsyncDisposable
{
    // Probes and scrapes need a handful of connections; more would only cost memory.
    private const int MaxConnections = 16;
    private const int MaxHeadBytes = 8192;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private readonly IOptions<HealthOptions> _options;
    private readonly ProbeResponder _responder;
    private readonly ILogger<ProbeServer> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private int _disposed;

    public ProbeServer(IOptions<HealthOptions> options, ProbeResponder responder, ILogger<ProbeServer> logger)
    {
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
            LogDisabled(_logger);
            return Task.CompletedTask;
        }

        _listener = new TcpListener(IPAddress.Parse(options.BindAddress), options.Port);
        _listener.Start(backlog: MaxConnections);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        LogListening(_logger, options.BindAddress, Port);
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
            open = [.. _connections];
        }

        await Task.WhenAll(open).WaitAsync(cancellationToken);
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
            {
                if (_connections.Count >= MaxConnections)
                {
                    socket.Dispose();
                    continue;
                }

                var connection = ServeAsync(socket, cancellationToken);
                _connections.Add(connection);
                _ = connection.ContinueWith(Forget, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private static void Forget(Task connection, object? state)
    {
        var server = (ProbeServer)state!;
        lock (server._gate)
        {
            server._connections.Remove(connection);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            await new ProbeConnection(stream, _responder, MaxHeadBytes, IdleTimeout).RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // A client that goes away or idles out is normal for probes; nothing to recover.
            LogConnectionClosed(_logger, ex.GetType().Name);
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

    [LoggerMessage(1, LogLevel.Information, "Probe and metrics listener on {Address}:{Port}")]
    private static partial void LogListening(ILogger logger, string address, int port);

    [LoggerMessage(2, LogLevel.Information, "Probe and metrics listener is off (Health:Port = 0)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "Probe connection closed: {Cause}")]
    private static partial void LogConnectionClosed(ILogger logger, string cause);
}
