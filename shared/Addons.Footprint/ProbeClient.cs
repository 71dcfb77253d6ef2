using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Addons.Kit.Testing;

namespace Addons.Footprint;

/// <summary>Talks to an addon's health listener: waits for <c>/readyz</c>, reads <c>/metrics</c>.</summary>
internal sealed class ProbeClient : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);
    private readonly HttpClient _http;

    /// <summary>A client for the listener on 127.0.0.1:<paramref name="port"/>.</summary>
    public ProbeClient(int port)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
            Timeout = TimeSpan.FromSeconds(2),
        };
    }

    /// <summary>Polls /readyz until 200; returns the time from <paramref name="process"/>'s start, or null on timeout or exit.</summary>
    public async Task<TimeSpan?> WaitReadyAsync(AddonProcess process, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !process.HasExited)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri("/readyz", UriKind.Relative), ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(process.StartTimestamp);
                }
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException)
            {
                // Not listening yet: keep polling.
            }

            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>The value of the first sample of <paramref name="metric"/> in /metrics (summed over its label sets), or null.</summary>
    public async Task<double?> ReadMetricAsync(string metric, CancellationToken ct)
    {
        string text;
        try
        {
            text = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(metric, StringComparison.Ordinal) && line.Length > metric.Length && line[metric.Length] is ' ' or '{')
            {
                var value = line[(line.LastIndexOf(' ') + 1)..];
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    sum = (sum ?? 0) + v;
                }
            }
        }

        return sum;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
